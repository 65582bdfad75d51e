package dev.paperbot.bot.index;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.paperbot.bot.config.SearchConfig;
import dev.paperbot.index.embed.EmbedderUnavailableException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

class EmbeddingsTest {

    @TempDir
    Path home;

    private final Logger logger = (Logger) LoggerFactory.getLogger(Embeddings.class);
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private Level level;

    @BeforeEach
    void capture() {
        log.start();
        logger.addAppender(log);
        level = logger.getLevel();
        logger.setLevel(Level.INFO);
    }

    @AfterEach
    void release() {
        logger.detachAppender(log);
        logger.setLevel(level);
    }

    private List<String> lines() {
        return log.list.stream().map(e -> e.getLevel() + " " + e.getFormattedMessage()).toList();
    }

    @Test
    void off_means_words_only_said_once_and_the_model_never_loads() {
        SearchConfig off = SearchConfig.fromEnvironment(Map.of("PAPERBOT_EMBEDDINGS", "off"));

        assertThat(Embeddings.load(off, home, () -> {
            throw new AssertionError("must not load");
        })).isEmpty();
        assertThat(lines()).containsExactly(
                "INFO Embeddings are off (PAPERBOT_EMBEDDINGS=off): searching by words only (BM25)");
        assertThat(Embeddings.settings(java.util.Optional.empty(), off, true).embedder()).isEmpty();
    }

    @Test
    void a_model_that_cannot_load_leaves_words_only_with_one_warning() {
        assertThat(Embeddings.load(SearchConfig.defaults(), home, () -> {
            throw new EmbedderUnavailableException("no ONNX Runtime library for this platform");
        })).isEmpty();
        assertThat(log.list).hasSize(1);
        assertThat(log.list.getFirst().getLevel()).isEqualTo(Level.WARN);
        assertThat(log.list.getFirst().getFormattedMessage()).isEqualTo(
                "Embeddings are off: no ONNX Runtime library for this platform. Searching by words only (BM25)");
    }

    @Test
    void search_settings_come_from_two_variables() {
        assertThat(SearchConfig.fromEnvironment(Map.of())).isEqualTo(new SearchConfig(true, true));
        assertThat(SearchConfig.fromEnvironment(Map.of("PAPERBOT_SEARCH_MODE", "BM25", "PAPERBOT_EMBEDDINGS", "On")))
                .isEqualTo(new SearchConfig(true, false));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SearchConfig.fromEnvironment(
                Map.of("PAPERBOT_SEARCH_MODE", "semantic")))
                .hasMessage("PAPERBOT_SEARCH_MODE must be hybrid or bm25, was semantic");
    }

    @Test
    void a_follower_looks_for_the_writers_papers_every_30_seconds_unless_told_otherwise() {
        assertThat(SearchConfig.fromEnvironment(Map.of()).indexRefresh()).isEqualTo(Duration.ofSeconds(30));
        assertThat(SearchConfig.fromEnvironment(Map.of("PAPERBOT_INDEX_REFRESH_SECONDS", "5")).indexRefresh())
                .isEqualTo(Duration.ofSeconds(5));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SearchConfig.fromEnvironment(
                Map.of("PAPERBOT_INDEX_REFRESH_SECONDS", "0")))
                .hasMessage("PAPERBOT_INDEX_REFRESH_SECONDS must be a whole number from 1 to 3600, was 0");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SearchConfig.fromEnvironment(
                Map.of("PAPERBOT_INDEX_REFRESH_SECONDS", "30s")))
                .hasMessage("PAPERBOT_INDEX_REFRESH_SECONDS must be a whole number, was 30s");
    }
}
