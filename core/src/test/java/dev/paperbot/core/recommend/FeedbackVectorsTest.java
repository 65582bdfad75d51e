package dev.paperbot.core.recommend;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperbot.core.paper.PaperId;
import dev.paperbot.core.search.Embedder;
import dev.paperbot.core.search.Embedding;
import dev.paperbot.core.search.PaperVectors;
import dev.paperbot.core.store.ChannelRef;
import dev.paperbot.core.store.Feedback;
import dev.paperbot.core.store.PaperbotStore;
import dev.paperbot.core.store.StoreConfig;
import dev.paperbot.core.store.Stores;
import dev.paperbot.core.store.Topic;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rocchio on a three-dimensional toy space: x is quantization, y is robotics, z is everything else. */
class FeedbackVectorsTest {

    static final ChannelRef CH = ChannelRef.of("T1", "C1");
    static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
    static final Topic QUANTIZATION = Topic.keyword("quantization");
    static final Topic ROBOTICS = Topic.keyword("robotics");

    @TempDir
    Path home;

    PaperbotStore store;
    final Map<PaperId, Embedding> paperVectors = new HashMap<>();
    final PaperVectors vectors = ids -> {
        Map<PaperId, Embedding> found = new HashMap<>();
        ids.forEach(id -> {
            if (paperVectors.containsKey(id)) {
                found.put(id, paperVectors.get(id));
            }
        });
        return found;
    };
    final Embedder embedder = new Embedder() {
        @Override
        public String model() {
            return "toy-3";
        }

        @Override
        public int dimension() {
            return 3;
        }

        @Override
        public Embedding embedQuery(String text) {
            return switch (text) {
                case "quantization" -> v(1, 0, 0);
                case "robotics" -> v(0, 1, 0);
                default -> v(0, 0, 1);
            };
        }

        @Override
        public List<Embedding> embedPassages(List<String> passages) {
            return passages.stream().map(this::embedQuery).toList();
        }
    };

    static Embedding v(double x, double y, double z) {
        return Embedding.of(new float[] {(float) x, (float) y, (float) z}).normalized();
    }

    @BeforeEach
    void open() {
        store = Stores.open(StoreConfig.sqlite(home));
    }

    @AfterEach
    void close() {
        store.close();
    }

    PaperId paper(String id, Embedding vector) {
        PaperId p = new PaperId(id);
        paperVectors.put(p, vector);
        return p;
    }

    void react(PaperId paper, Feedback.Kind kind, Duration ago) {
        store.feedback().record(new Feedback(CH, "U1", paper, kind, NOW.minus(ago)));
    }

    Map<String, Embedding> moved(Topic... topics) {
        return new FeedbackVectors(embedder, vectors, store.feedback()).moved(CH, List.of(topics), NOW);
    }

    @Test
    void no_feedback_moves_nothing() {
        assertThat(moved(QUANTIZATION, ROBOTICS)).isEmpty();
        paper("1", v(1, 0, 1));
        react(new PaperId("1"), Feedback.Kind.LIKE, Duration.ofDays(1));
        assertThat(new FeedbackVectors(null, vectors, store.feedback()).moved(CH, List.of(QUANTIZATION), NOW))
                .as("without a model").isEmpty();
    }

    @Test
    void a_like_moves_the_closest_topic_towards_the_paper_and_leaves_the_others() {
        // A quantization paper that also talks about efficiency in general (z).
        react(paper("1", v(1, 0, 1)), Feedback.Kind.SAVE, Duration.ofDays(1));

        Map<String, Embedding> moved = moved(QUANTIZATION, ROBOTICS);

        assertThat(moved).containsOnlyKeys(QUANTIZATION.key());
        Embedding q = moved.get(QUANTIZATION.key());
        assertThat(q.norm()).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(q.get(2)).isPositive();
        assertThat(q.get(0)).isGreaterThan(q.get(2));
        // q' = 1·(1,0,0) + 0.75·(0.707,0,0.707), normalised
        assertThat(q.toArray()[2] / q.toArray()[0]).isCloseTo((float) (0.75 * 0.7071 / (1 + 0.75 * 0.7071)),
                org.assertj.core.data.Offset.offset(1e-3f));
    }

    @Test
    void a_dismissal_moves_its_topic_away_and_outweighs_a_like_of_the_same_paper() {
        PaperId mixed = paper("2", v(0, 1, 1));
        react(mixed, Feedback.Kind.LIKE, Duration.ofDays(2));
        react(mixed, Feedback.Kind.NOT_INTERESTED, Duration.ofDays(1));

        Embedding r = moved(QUANTIZATION, ROBOTICS).get(ROBOTICS.key());

        assertThat(r.get(2)).isNegative();
        assertThat(r.get(1)).isGreaterThan(0.9f);
    }

    @Test
    void old_feedback_and_author_topics_do_not_move() {
        react(paper("3", v(1, 0, 1)), Feedback.Kind.LIKE, FeedbackVectors.MEMORY.plusDays(1));
        assertThat(moved(QUANTIZATION)).isEmpty();
        react(paper("4", v(1, 0, 1)), Feedback.Kind.LIKE, Duration.ofDays(1));
        assertThat(moved(Topic.author("Yann LeCun"))).isEmpty();
    }

    @Test
    void a_like_topic_starts_from_its_examples() {
        Topic like = Topic.like(List.of(paper("10", v(0, 1, 0)), paper("11", v(0, 1, 0.2))));
        react(paper("12", v(0, 1, 1)), Feedback.Kind.SHARE, Duration.ofHours(1));

        Embedding e = moved(like, QUANTIZATION).get(like.key());

        assertThat(e.get(1)).isGreaterThan(e.get(2)).isGreaterThan(0);
        assertThat(e.get(0)).isZero();
    }
}
