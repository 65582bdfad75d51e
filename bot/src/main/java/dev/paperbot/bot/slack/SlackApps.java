package dev.paperbot.bot.slack;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import java.net.URI;

/** Builds the Bolt {@link App}: explicit settings only, every Web API call through the configured base URL. */
public final class SlackApps {

    private SlackApps() {
    }

    /** A {@link Slack} client whose Web API calls (and {@code apps.connections.open}) go to {@code apiUrl}. */
    public static Slack slack(URI apiUrl) {
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(apiUrl.toString());
        // The SDK's metrics would call auth.test once per token for their own bookkeeping.
        config.setStatsEnabled(false);
        config.setPrettyResponseLoggingEnabled(false);
        return Slack.getInstance(config);
    }

    /**
     * The app for one workspace. Bolt's builder would read SLACK_* variables itself; every setting is given here
     * (or explicitly cleared) so that configuration is read in one place only.
     */
    public static App app(Slack slack, String botToken, String signingSecret, BotServices services) {
        AppConfig config = AppConfig.builder()
                .slack(slack)
                .singleTeamBotToken(botToken)
                .signingSecret(signingSecret)
                .verificationToken(null)
                .clientId(null)
                .clientSecret(null)
                .redirectUri(null)
                .scope(null)
                .userScope(null)
                .authTestCacheEnabled(true)
                .build();
        return SlackListeners.register(new App(config), services);
    }
}
