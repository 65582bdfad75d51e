package dev.paperbot.index.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.benmanes.caffeine.cache.Ticker;
import dev.paperbot.core.paper.Paper;
import dev.paperbot.core.paper.PaperId;
import dev.paperbot.core.recommend.DailyPicks;
import dev.paperbot.core.recommend.Pick;
import dev.paperbot.core.recommend.Recommender;
import dev.paperbot.core.recommend.RecommenderSettings;
import dev.paperbot.core.recommend.Recommenders;
import dev.paperbot.core.store.ChannelRef;
import dev.paperbot.core.store.Feedback;
import dev.paperbot.core.store.PaperbotStore;
import dev.paperbot.core.store.StoreConfig;
import dev.paperbot.core.store.Stores;
import dev.paperbot.core.store.Topic;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The recommender (core) learning from a channel's feedback over the real index and model: the embedded corpus,
 * a real store, Rocchio on the topic's vector through the PaperVectors and Embedder ports.
 */
class FeedbackRankingTest {

    static final ChannelRef CH = ChannelRef.of("T1", "C1");
    /** A day whose 7-day window holds the moment the shared index was built. */
    static final LocalDate DAY = LocalDate.now(ZoneOffset.UTC).plusDays(1);

    @TempDir
    Path home;

    private final LuceneIndex index = EmbeddedSeed.index();
    private PaperbotStore store;
    private Recommender recommender;

    @BeforeEach
    void open() {
        store = Stores.open(StoreConfig.sqlite(home));
        recommender = Recommenders.uncached(index, index, TestEmbedders.real(), store,
                RecommenderSettings.defaults().withPerTopic(10), Clock.systemUTC(), Ticker.systemTicker());
    }

    @AfterEach
    void close() {
        store.close();
    }

    private void subscribe(String topic) {
        store.subscriptions().subscribe(CH, Topic.parse(topic), "U1", Instant.now());
    }

    private void react(PaperId paper, Feedback.Kind kind) {
        store.feedback().record(new Feedback(CH, "U1", paper, kind, Instant.now()));
    }

    private static long count(DailyPicks picks, Predicate<Paper> about) {
        return picks.picks().stream().map(Pick::paper).filter(about).count();
    }

    /** Papers about training data (selection, detection, management), by their titles. */
    private static boolean aboutData(Paper p) {
        return p.title().toLowerCase(java.util.Locale.ROOT).contains("data");
    }

    @Test
    void likes_pull_a_broad_topic_towards_them_and_dismissals_push_it_away() {
        subscribe("large language models");
        DailyPicks before = recommender.picks(CH, DAY);
        assertThat(before.picks()).hasSize(10);

        // The channel saves three quantization papers and dismisses the papers about training data it was shown.
        EmbeddedSeed.papers().stream().filter(EmbeddedSeed::aboutQuantization).limit(3)
                .forEach(p -> react(p.id(), Feedback.Kind.SAVE));
        List<PaperId> dismissed = before.picks().stream().map(Pick::paper).filter(FeedbackRankingTest::aboutData)
                .map(Paper::id).toList();
        assertThat(dismissed).as("data papers among %s", titles(before)).isNotEmpty();
        dismissed.forEach(id -> react(id, Feedback.Kind.NOT_INTERESTED));

        DailyPicks after = recommender.picks(CH, DAY);

        assertThat(count(after, EmbeddedSeed::aboutQuantization))
                .as("quantization papers among the picks: before %s, after %s", titles(before), titles(after))
                .isGreaterThan(count(before, EmbeddedSeed::aboutQuantization));
        assertThat(after.paperIds()).doesNotContainAnyElementsOf(dismissed);
        assertThat(count(after, FeedbackRankingTest::aboutData)).isLessThan(count(before, FeedbackRankingTest::aboutData));
        assertThat(after.picks()).anyMatch(p -> p.reason().contains(Pick.BY_MEANING) || !p.matchedTerms().isEmpty());
    }

    @Test
    void dismissed_papers_never_return_even_when_the_topic_moves_towards_them() {
        subscribe("quantization");
        List<PaperId> quantization = EmbeddedSeed.papers().stream().filter(EmbeddedSeed::aboutQuantization)
                .map(Paper::id).toList();
        // Liked and then dismissed by someone else: dismissed wins, and a paper like it is still welcome.
        react(quantization.get(0), Feedback.Kind.LIKE);
        store.feedback().record(new Feedback(CH, "U2", quantization.get(0), Feedback.Kind.NOT_INTERESTED,
                Instant.now()));
        react(quantization.get(1), Feedback.Kind.NOT_INTERESTED);
        react(quantization.get(2), Feedback.Kind.LIKE);

        for (int d = 0; d < 3; d++) {
            DailyPicks picks = recommender.picks(CH, DAY.plusDays(d));
            assertThat(picks.paperIds()).doesNotContain(quantization.get(0), quantization.get(1)).isNotEmpty();
        }
    }

    @Test
    void a_topic_seeded_from_example_papers_picks_papers_like_them() {
        List<Paper> examples = EmbeddedSeed.papers().stream().filter(EmbeddedSeed::aboutQuantization).limit(2)
                .toList();
        subscribe("like:" + examples.get(0).id().value() + " " + examples.get(1).id().value());

        DailyPicks picks = recommender.picks(CH, DAY);

        assertThat(picks.paperIds()).doesNotContain(examples.get(0).id(), examples.get(1).id());
        assertThat(count(picks, EmbeddedSeed::aboutQuantization)).isGreaterThanOrEqualTo(7);
        assertThat(picks.picks()).allMatch(p -> p.topic().kind() == Topic.Kind.LIKE);
    }

    private static List<String> titles(DailyPicks picks) {
        return picks.picks().stream().map(p -> p.paper().title().substring(0, Math.min(40, p.paper().title().length())))
                .toList();
    }
}
