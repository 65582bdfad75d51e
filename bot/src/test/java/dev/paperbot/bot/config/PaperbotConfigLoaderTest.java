package dev.paperbot.bot.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PaperbotConfigLoaderTest {

    static final Path HOME = Path.of("/tmp/paperbot-home");
    static final String BOT = "xoxb-1111_2222_secretbottoken";
    static final String APP = "xapp-1-A111-222-secretapptoken";

    @Test
    void no_slack_configuration_is_the_playground_on_localhost_3000() {
        PaperbotConfig c = PaperbotConfigLoader.load(Map.of(), HOME);
        assertThat(c.mode()).isEqualTo(PaperbotConfig.Mode.PLAYGROUND);
        assertThat(c.port()).isEqualTo(3000);
        assertThat(c.host()).isEqualTo("127.0.0.1");
        assertThat(c.slackApiUrl()).hasToString("https://slack.com/api/");
        assertThat(c.home()).isEqualTo(HOME);
        assertThat(c.databaseUrl()).isEmpty();
    }

    @Test
    void the_secrets_present_pick_the_mode() {
        assertThat(PaperbotConfigLoader.load(Map.of("SLACK_BOT_TOKEN", BOT, "SLACK_APP_TOKEN", APP), HOME).mode())
                .isEqualTo(PaperbotConfig.Mode.SOCKET);
        PaperbotConfig http = PaperbotConfigLoader.load(Map.of("SLACK_BOT_TOKEN", BOT, "SLACK_SIGNING_SECRET", "s3cr3t",
                "PAPERBOT_PORT", "8080", "PAPERBOT_SLACK_API_URL", "http://127.0.0.1:9/api"), HOME);
        assertThat(http.mode()).isEqualTo(PaperbotConfig.Mode.HTTP);
        assertThat(http.host()).isEqualTo("0.0.0.0");
        assertThat(http.port()).isEqualTo(8080);
        assertThat(http.slackApiUrl()).hasToString("http://127.0.0.1:9/api/");
    }

    @Test
    void incomplete_or_malformed_settings_fail_with_the_variable_named_and_no_secret_shown() {
        assertThatThrownBy(() -> PaperbotConfigLoader.load(Map.of("SLACK_APP_TOKEN", APP), HOME))
                .isInstanceOf(ConfigException.class).hasMessageContaining("SLACK_BOT_TOKEN");
        assertThatThrownBy(() -> PaperbotConfigLoader.load(Map.of("SLACK_BOT_TOKEN", BOT), HOME))
                .hasMessageContaining("SLACK_APP_TOKEN").hasMessageContaining("SLACK_SIGNING_SECRET");
        assertThatThrownBy(() -> PaperbotConfigLoader.load(Map.of("SLACK_BOT_TOKEN", "xoxp-user_token_oops",
                "SLACK_APP_TOKEN", APP), HOME))
                .hasMessageContaining("SLACK_BOT_TOKEN").hasMessageContaining("xoxb-")
                .hasMessageNotContaining("oops");
        assertThatThrownBy(() -> PaperbotConfigLoader.load(Map.of("PAPERBOT_PORT", "http"), HOME))
                .hasMessageContaining("PAPERBOT_PORT");
        assertThatThrownBy(() -> PaperbotConfigLoader.load(Map.of("PAPERBOT_PORT", "70000"), HOME))
                .hasMessageContaining("PAPERBOT_PORT");
        assertThatThrownBy(() -> PaperbotConfigLoader.load(Map.of("PAPERBOT_SLACK_API_URL", "ftp://x"), HOME))
                .hasMessageContaining("PAPERBOT_SLACK_API_URL");
        assertThatThrownBy(() -> PaperbotConfigLoader.load(Map.of("PAPERBOT_DB_URL", "mysql://x"), HOME))
                .hasMessageContaining("PAPERBOT_DB_URL");
    }

    @Test
    void metrics_are_on_unless_turned_off_and_a_wrong_value_names_the_variable() {
        assertThat(PaperbotConfigLoader.load(Map.of(), HOME).metrics()).isTrue();
        assertThat(PaperbotConfigLoader.load(Map.of("PAPERBOT_METRICS", "OFF"), HOME).metrics()).isFalse();
        assertThatThrownBy(() -> PaperbotConfigLoader.load(Map.of("PAPERBOT_METRICS", "false"), HOME))
                .isInstanceOf(ConfigException.class).hasMessage("PAPERBOT_METRICS must be on or off, was false");
    }

    @Test
    void tokens_never_appear_in_the_configs_string_form() {
        PaperbotConfig c = PaperbotConfigLoader.load(Map.of("SLACK_BOT_TOKEN", BOT, "SLACK_APP_TOKEN", APP,
                "SLACK_SIGNING_SECRET", "signing-secret-value",
                "PAPERBOT_DB_URL", "jdbc:postgresql://db/paperbot?password=dbpass"), HOME);
        assertThat(c.toString()).doesNotContain("secretbottoken", "secretapptoken", "signing-secret-value", "dbpass");
        assertThat(c.botToken().orElseThrow().reveal()).isEqualTo(BOT);
    }
}
