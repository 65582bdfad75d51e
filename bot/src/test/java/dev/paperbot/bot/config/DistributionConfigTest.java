package dev.paperbot.bot.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Installing in many workspaces (SLACK_CLIENT_ID ...) and the digest settings (PAPERBOT_DIGEST_*). */
class DistributionConfigTest {

    static final Path HOME = Path.of("/tmp/paperbot-home");
    static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);
    static final String OTHER_KEY = Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());

    static Map<String, String> distributed(String... more) {
        Map<String, String> env = new HashMap<>(Map.of("SLACK_CLIENT_ID", "1111.2222",
                "SLACK_CLIENT_SECRET", "client-secret-value", "SLACK_SIGNING_SECRET", "signing-secret-value",
                "PAPERBOT_TOKEN_KEY", KEY));
        for (int i = 0; i < more.length; i += 2) {
            if (more[i + 1] == null) {
                env.remove(more[i]);
            } else {
                env.put(more[i], more[i + 1]);
            }
        }
        return env;
    }

    static String error(Map<String, String> env) {
        try {
            PaperbotConfigLoader.load(env, HOME);
        } catch (ConfigException e) {
            return e.getMessage();
        }
        throw new AssertionError("no error for " + env.keySet());
    }

    @Test
    void client_id_secret_signing_secret_and_token_key_run_the_bot_for_many_workspaces() {
        PaperbotConfig c = PaperbotConfigLoader.load(distributed(
                "SLACK_REDIRECT_URI", "https://paperbot.example.com/slack/oauth/callback"), HOME);

        assertThat(c.mode()).isEqualTo(PaperbotConfig.Mode.DISTRIBUTED);
        assertThat(c.host()).isEqualTo("0.0.0.0");
        Distribution d = c.distribution().orElseThrow();
        assertThat(d.clientId()).isEqualTo("1111.2222");
        assertThat(d.keyBytes()).hasSize(1).allSatisfy(k -> assertThat(k).hasSize(32));
        assertThat(d.installUrl()).hasValueSatisfying(u ->
                assertThat(u).hasToString("https://paperbot.example.com/slack/install"));
        assertThat(c.toString()).doesNotContain("client-secret-value", "signing-secret-value", KEY);
        // Two keys, the new one first: a rotation.
        assertThat(PaperbotConfigLoader.load(distributed("PAPERBOT_TOKEN_KEY", OTHER_KEY + ", " + KEY), HOME)
                .distribution().orElseThrow().keyBytes()).hasSize(2);
    }

    @Test
    void without_a_token_key_it_refuses_to_start_in_one_line_that_says_what_to_do() {
        String message = error(distributed("PAPERBOT_TOKEN_KEY", null));

        assertThat(message).startsWith("PAPERBOT_TOKEN_KEY is not set").contains("openssl rand -base64 32")
                .doesNotContain("\n");
    }

    @Test
    void a_bad_token_key_is_named_and_never_shown() {
        assertThat(error(distributed("PAPERBOT_TOKEN_KEY", "not base64 at all!")))
                .contains("PAPERBOT_TOKEN_KEY is not base64").doesNotContain("at all");
        String shortKey = Base64.getEncoder().encodeToString(new byte[16]);
        assertThat(error(distributed("PAPERBOT_TOKEN_KEY", shortKey)))
                .contains("must be 32 bytes", "has 16 bytes").doesNotContain(shortKey);
        assertThat(error(distributed("PAPERBOT_TOKEN_KEY", KEY + "," + shortKey)))
                .startsWith("key 2 of PAPERBOT_TOKEN_KEY");
    }

    @Test
    void mixing_one_workspaces_settings_with_many_or_leaving_one_half_out_is_refused() {
        assertThat(error(distributed("SLACK_BOT_TOKEN", "xoxb-1-2-abc")))
                .contains("SLACK_CLIENT_ID and SLACK_BOT_TOKEN are both set").doesNotContain("xoxb-1-2-abc");
        assertThat(error(distributed("SLACK_APP_TOKEN", "xapp-1-abc"))).contains("unset SLACK_APP_TOKEN");
        assertThat(error(distributed("SLACK_SIGNING_SECRET", null))).contains("SLACK_SIGNING_SECRET is not");
        assertThat(error(distributed("SLACK_CLIENT_SECRET", null))).contains("SLACK_CLIENT_SECRET is not");
        assertThat(error(distributed("SLACK_CLIENT_ID", null))).contains("SLACK_CLIENT_ID is not");
        assertThat(error(distributed("SLACK_REDIRECT_URI", "https://paperbot.example.com/callback")))
                .contains("SLACK_REDIRECT_URI", "/slack/oauth/callback");
        // Signing secret alone still asks for the bot token, and names the other way.
        assertThat(error(Map.of("SLACK_SIGNING_SECRET", "s"))).contains("SLACK_BOT_TOKEN", "SLACK_CLIENT_ID");
    }

    @Test
    void one_workspace_modes_are_as_before() {
        PaperbotConfig http = PaperbotConfigLoader.load(Map.of("SLACK_BOT_TOKEN", "xoxb-1", "SLACK_SIGNING_SECRET",
                "s", "PAPERBOT_TOKEN_KEY", "ignored without a client id"), HOME);
        assertThat(http.mode()).isEqualTo(PaperbotConfig.Mode.HTTP);
        assertThat(http.distribution()).isEmpty();
        assertThat(PaperbotConfigLoader.load(Map.of(), HOME).mode()).isEqualTo(PaperbotConfig.Mode.PLAYGROUND);
    }

    @Test
    void digest_settings_have_documented_defaults_and_ranges() {
        assertThat(PaperbotConfigLoader.load(Map.of(), HOME).digest()).isEqualTo(new DigestConfig(7, 3, 10, 4));
        DigestConfig set = PaperbotConfigLoader.load(Map.of("PAPERBOT_DIGEST_WINDOW_DAYS", "14",
                "PAPERBOT_DIGEST_PAPERS_PER_TOPIC", "5", "PAPERBOT_DIGEST_MAX_PAPERS", "20",
                "PAPERBOT_DIGEST_PARALLELISM", "8"), HOME).digest();
        assertThat(set).isEqualTo(new DigestConfig(14, 5, 20, 8));

        assertThat(error(Map.of("PAPERBOT_DIGEST_WINDOW_DAYS", "0")))
                .isEqualTo("PAPERBOT_DIGEST_WINDOW_DAYS must be a whole number from 1 to 90, was 0");
        assertThat(error(Map.of("PAPERBOT_DIGEST_WINDOW_DAYS", "a week")))
                .isEqualTo("PAPERBOT_DIGEST_WINDOW_DAYS must be a whole number, was a week");
        assertThat(error(Map.of("PAPERBOT_DIGEST_PAPERS_PER_TOPIC", "21"))).contains("from 1 to 20");
        assertThat(error(Map.of("PAPERBOT_DIGEST_MAX_PAPERS", "51"))).contains("from 1 to 50");
        assertThat(error(Map.of("PAPERBOT_DIGEST_PARALLELISM", "-1"))).contains("from 1 to 32");
    }
}
