package dev.paperbot.bot.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paperbot.index.source.arxiv.ArxivCategories;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IngestConfigTest {

    private static final Path HOME = Path.of("/tmp/paperbot-test-home");
    private static final Map<String, String> SLACK = Map.of("SLACK_BOT_TOKEN", "xoxb-1", "SLACK_APP_TOKEN", "xapp-1");

    private static Map<String, String> slackWith(String... pairs) {
        java.util.Map<String, String> env = new java.util.HashMap<>(SLACK);
        for (int i = 0; i < pairs.length; i += 2) {
            env.put(pairs[i], pairs[i + 1]);
        }
        return env;
    }

    @Test
    void with_slack_the_default_is_rss_for_ml_categories_after_the_announcement() {
        IngestSchedule s = PaperbotConfigLoader.load(SLACK, HOME).ingest();
        assertThat(s.sources()).containsExactly(IngestSchedule.Source.RSS);
        assertThat(s.categories()).containsExactly("cs.LG", "cs.CL", "cs.AI", "cs.CV", "stat.ML");
        assertThat(s.at()).isEqualTo(LocalTime.of(20, 30));
        assertThat(s.zone()).isEqualTo(ZoneId.of("America/New_York"));
        assertThat(s.catchUpDays()).isEqualTo(7);
        assertThat(IngestSchedule.DEFAULT_CATEGORIES).allMatch(ArxivCategories::isKnown);
    }

    @Test
    void the_playground_and_tests_ingest_nothing_unless_asked() {
        assertThat(PaperbotConfigLoader.load(Map.of(), HOME).ingest().enabled()).isFalse();
        assertThat(PaperbotConfigLoader.load(slackWith("PAPERBOT_INGEST", "off"), HOME).ingest().enabled()).isFalse();
        assertThat(PaperbotConfigLoader.load(Map.of("PAPERBOT_INGEST", "rss,hf"), HOME).ingest().sources())
                .containsExactlyInAnyOrder(IngestSchedule.Source.RSS, IngestSchedule.Source.HF);
    }

    @Test
    void everything_is_configurable() {
        IngestSchedule s = PaperbotConfigLoader.load(slackWith("PAPERBOT_INGEST", "oai",
                "PAPERBOT_INGEST_CATEGORIES", "cs.IR, hep-th", "PAPERBOT_INGEST_TIME", "06:15",
                "PAPERBOT_INGEST_ZONE", "Europe/Paris", "PAPERBOT_INGEST_DAYS", "mon,fri",
                "PAPERBOT_INGEST_CATCHUP_DAYS", "3", "PAPERBOT_ARXIV_OAI_URL", "http://127.0.0.1:9/oai"), HOME).ingest();
        assertThat(s.sources()).containsExactly(IngestSchedule.Source.OAI);
        assertThat(s.categories()).containsExactly("cs.IR", "hep-th");
        assertThat(s.at()).isEqualTo(LocalTime.of(6, 15));
        assertThat(s.days()).containsExactlyInAnyOrder(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);
        assertThat(s.catchUpDays()).isEqualTo(3);
        assertThat(s.oaiUrl()).hasToString("http://127.0.0.1:9/oai");
    }

    @Test
    void categories_in_another_case_are_taken_in_arxivs_spelling() {
        IngestSchedule s = PaperbotConfigLoader.load(slackWith("PAPERBOT_INGEST_CATEGORIES", "cs.lg, STAT.ML,Math"),
                HOME).ingest();
        assertThat(s.categories()).containsExactly("cs.LG", "stat.ML", "math");
    }

    @Test
    void bad_values_are_named() {
        assertThatThrownBy(() -> PaperbotConfigLoader.load(slackWith("PAPERBOT_INGEST", "rss,ftp"), HOME))
                .hasMessageContaining("'ftp'");
        assertThatThrownBy(() -> PaperbotConfigLoader.load(slackWith("PAPERBOT_INGEST_TIME", "8pm"), HOME))
                .hasMessageContaining("PAPERBOT_INGEST_TIME");
        assertThatThrownBy(() -> PaperbotConfigLoader.load(slackWith("PAPERBOT_INGEST_ZONE", "Mars/Base"), HOME))
                .hasMessageContaining("PAPERBOT_INGEST_ZONE");
        assertThatThrownBy(() -> PaperbotConfigLoader.load(slackWith("PAPERBOT_INGEST_DAYS", "someday"), HOME))
                .hasMessageContaining("'someday'");
        assertThatThrownBy(() -> PaperbotConfigLoader.load(slackWith("PAPERBOT_INGEST_CATEGORIES", "cs LG"), HOME))
                .hasMessageContaining("'cs LG'");
        assertThatThrownBy(() -> PaperbotConfigLoader.load(slackWith("PAPERBOT_INGEST_CATEGORIES", "cs.LG,zz.XX"), HOME))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("PAPERBOT_INGEST_CATEGORIES: 'zz.XX' is not an arXiv category (such as cs.LG");
        assertThatThrownBy(() -> PaperbotConfigLoader.load(slackWith("PAPERBOT_INGEST_CATEGORIES", "cs.ML"), HOME))
                .hasMessage("PAPERBOT_INGEST_CATEGORIES: 'cs.ML' is not an arXiv category: did you mean stat.ML?");
        assertThatThrownBy(() -> PaperbotConfigLoader.load(slackWith("PAPERBOT_INGEST_CATCHUP_DAYS", "0"), HOME))
                .hasMessage("PAPERBOT_INGEST_CATCHUP_DAYS must be a whole number from 1 to 30, was 0");
        assertThatThrownBy(() -> PaperbotConfigLoader.load(slackWith("PAPERBOT_INGEST_CATCHUP_DAYS", "a week"), HOME))
                .hasMessageContaining("PAPERBOT_INGEST_CATCHUP_DAYS");
        assertThatThrownBy(() -> PaperbotConfigLoader.load(slackWith("PAPERBOT_HF_URL", "file:///etc"), HOME))
                .hasMessageContaining("PAPERBOT_HF_URL");
    }
}
