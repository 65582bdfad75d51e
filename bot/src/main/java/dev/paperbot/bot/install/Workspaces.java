package dev.paperbot.bot.install;

import com.slack.api.Slack;
import com.slack.api.bolt.App;
import com.slack.api.bolt.service.InstallationService;
import com.slack.api.bolt.service.OAuthStateService;
import dev.paperbot.bot.config.ConfigException;
import dev.paperbot.bot.config.Distribution;
import dev.paperbot.bot.digest.TeamTokens;
import dev.paperbot.core.store.InstallationStore;
import dev.paperbot.core.store.OAuthStateStore;
import dev.paperbot.core.store.PaperbotStore;
import dev.paperbot.core.store.SubscriptionStore;
import dev.paperbot.core.store.TokenCipher;
import java.net.URI;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The workspaces the bot is installed in, when it is distributed through Slack's OAuth flow: Bolt's installation and
 * OAuth state services over the store (so every replica sees the same installations and states), the digests' token
 * lookup, and what happens when a workspace installs or removes the bot (its digests resume or pause).
 */
public final class Workspaces {

    private static final Logger LOG = LoggerFactory.getLogger(Workspaces.class);

    /**
     * Pause reasons a new installation fixes: the bot was removed, or its token stopped working. Digests paused
     * for anything else (an archived channel, a private channel the bot is not in) stay paused.
     */
    static final Set<String> FIXED_BY_INSTALLING = Set.of("app_uninstalled", "tokens_revoked", "not_installed",
            "invalid_auth", "not_authed", "token_revoked", "account_inactive");

    private final InstallationStore installations;
    private final OAuthStateStore states;
    private final SubscriptionStore subscriptions;
    private final Clock clock;
    private final Optional<URI> installUrl;

    Workspaces(InstallationStore installations, OAuthStateStore states, SubscriptionStore subscriptions, Clock clock,
            Optional<URI> installUrl) {
        this.installations = Objects.requireNonNull(installations, "installations");
        this.states = Objects.requireNonNull(states, "states");
        this.subscriptions = Objects.requireNonNull(subscriptions, "subscriptions");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.installUrl = Objects.requireNonNull(installUrl, "installUrl");
    }

    /** The workspaces of {@code store}, tokens sealed with the keys of {@code distribution}. */
    public static Workspaces over(PaperbotStore store, Distribution distribution, Clock clock) {
        return new Workspaces(store.installations(TokenCipher.aesGcm(distribution.keyBytes())), store.oauthStates(),
                store.subscriptions(), clock, distribution.installUrl());
    }

    /** What a person in a workspace without an installation is told (Bolt answers their command with it). */
    String installGuide() {
        return "paperbot is not installed in this workspace (any more). Ask a workspace admin to install it"
                + installUrl.map(u -> " from " + u).orElse(" again") + ".";
    }

    /**
     * Refuses to start when the store holds installations that none of the configured keys can open: every request
     * from those workspaces would fail. Says how many, never a token.
     */
    public void checkKeys() {
        int unreadable = installations.unreadable();
        if (unreadable > 0) {
            throw new ConfigException("PAPERBOT_TOKEN_KEY cannot open the tokens of " + unreadable + " of "
                    + installations.count() + " installed workspaces: set the key they were stored with (several keys,"
                    + " comma-separated, the new one first, rotate a key)");
        }
    }

    /**
     * Gives a distributed Bolt app the store-backed installation and OAuth state services, and install pages that
     * answer failures with a 4xx or 5xx.
     */
    public App serveInstalls(App app) {
        app.service(installationService());
        app.service(stateService());
        OAuthPages.register(app);
        return app;
    }

    /** Bolt's installation service: finds each request's workspace and token, saves installs. */
    public InstallationService installationService() {
        return new StoreInstallationService(installations, this, clock);
    }

    /** Bolt's OAuth state service: state values in the store, each good once. */
    public OAuthStateService stateService() {
        return new StoreOAuthStateService(states, clock);
    }

    /**
     * The digests' token lookup: a workspace's installation, its rotating token refreshed when it is about to
     * expire ({@code oauth.v2.access} through {@code slack}).
     */
    public TeamTokens teamTokens(Slack slack, Distribution distribution) {
        return new InstalledTeamTokens(installations, slack, distribution.clientId(),
                distribution.clientSecret().reveal(), clock);
    }

    /** A workspace installed the bot (again): digests paused because it was gone run again. */
    void installed(String teamId) {
        int resumed = subscriptions.resumeWorkspace(teamId, FIXED_BY_INSTALLING);
        LOG.info("installed in workspace {}{}", teamId,
                resumed == 0 ? "" : "; " + resumed + " paused channel digests resume");
    }

    /**
     * The bot was removed from a workspace ({@code app_uninstalled}) or its token revoked: the installation goes,
     * and the workspace's digests pause with {@code reason} until it is installed again. Its subscriptions stay.
     *
     * @param enterpriseId the Enterprise Grid org, or null
     * @param teamId       the workspace, or null for an org-wide install
     */
    public void removed(String enterpriseId, String teamId, String reason) {
        boolean deleted = installations.delete(enterpriseId, teamId);
        int paused = teamId == null || teamId.isBlank() ? 0
                : subscriptions.pauseWorkspace(teamId, reason, clock.instant());
        LOG.info("{} in workspace {}: installation {}, {} channel digests paused", reason,
                teamId == null ? "(org " + enterpriseId + ")" : teamId, deleted ? "deleted" : "was already gone",
                paused);
    }
}
