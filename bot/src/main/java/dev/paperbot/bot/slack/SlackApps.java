package dev.paperbot.bot.slack;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import dev.paperbot.bot.config.Distribution;
import dev.paperbot.bot.install.Workspaces;
import dev.paperbot.bot.metrics.SlackApiCalls;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;

/** Builds the Bolt {@link App}: explicit settings only, every Web API call through the configured base URL. */
public final class SlackApps {

    private SlackApps() {
    }

    /**
     * A {@link Slack} client whose Web API calls (and {@code apps.connections.open}) go to {@code apiUrl}, each
     * counted in {@code meters}.
     */
    public static Slack slack(URI apiUrl, MeterRegistry meters) {
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(apiUrl.toString());
        // The SDK's metrics would call auth.test once per token for their own bookkeeping.
        config.setStatsEnabled(false);
        config.setPrettyResponseLoggingEnabled(false);
        return new SlackApiCalls(meters).slack(config);
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

    /**
     * The bot scopes a workspace grants at install, as in the manifests ({@code ManifestSchemaTest} checks they
     * agree): {@code /papers}, replies and digests, digests in public channels without an invite, and the history
     * check of a digest taken over from a dead process.
     */
    public static final String BOT_SCOPES = "commands,chat:write,chat:write.public,channels:history,groups:history";

    /**
     * The app for many workspaces: each request's token comes from the workspace's installation (Bolt's
     * {@code MultiTeamsAuthorization} over {@code workspaces}), and Bolt serves the OAuth flow on
     * {@link Distribution#INSTALL_PATH} and {@link Distribution#CALLBACK_PATH}.
     */
    public static App distributedApp(Slack slack, Distribution distribution, String signingSecret,
            BotServices services, Workspaces workspaces) {
        AppConfig config = AppConfig.builder()
                .slack(slack)
                .singleTeamBotToken(null)
                .signingSecret(signingSecret)
                .verificationToken(null)
                .clientId(distribution.clientId())
                .clientSecret(distribution.clientSecret().reveal())
                .redirectUri(distribution.redirectUri().map(URI::toString).orElse(null))
                .scope(BOT_SCOPES)
                .userScope(null)
                // Both the current and the deprecated path settings: Bolt prefers whichever differs from its
                // default, and reads SLACK_INSTALL_PATH and friends into them unless told otherwise.
                .oauthInstallPath(Distribution.INSTALL_PATH)
                .oauthStartPath(Distribution.INSTALL_PATH)
                .oauthRedirectUriPath(Distribution.CALLBACK_PATH)
                .oauthCallbackPath(Distribution.CALLBACK_PATH)
                .oauthCompletionUrl(null)
                .oauthCancellationUrl(null)
                .stateValidationEnabled(true)
                .authTestCacheEnabled(true)
                .build();
        App app = workspaces.serveInstalls(new App(config).asOAuthApp(true));
        SlackListeners.register(app, services);
        return SlackListeners.registerInstallEvents(app, workspaces);
    }
}
