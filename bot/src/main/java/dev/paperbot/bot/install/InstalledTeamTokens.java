package dev.paperbot.bot.install;

import com.slack.api.Slack;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.oauth.OAuthV2AccessResponse;
import dev.paperbot.bot.digest.TeamTokens;
import dev.paperbot.core.store.Installation;
import dev.paperbot.core.store.InstallationStore;
import dev.paperbot.core.store.TokenCipher;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The digests' tokens when the bot is installed in many workspaces: each workspace's own installation. A rotating
 * token (token rotation on) is refreshed when it has less than {@link #REFRESH_BEFORE} left, as Bolt does for
 * requests; the store's compare-and-set keeps a slower replica from overwriting a newer token with its own.
 */
final class InstalledTeamTokens implements TeamTokens {

    private static final Logger LOG = LoggerFactory.getLogger(InstalledTeamTokens.class);

    /** Bolt's margin too (TokenRotator): rotating tokens live 12 hours. */
    static final Duration REFRESH_BEFORE = Duration.ofHours(2);

    private final InstallationStore installations;
    private final Slack slack;
    private final String clientId;
    private final String clientSecret;
    private final Clock clock;

    InstalledTeamTokens(InstallationStore installations, Slack slack, String clientId, String clientSecret,
            Clock clock) {
        this.installations = installations;
        this.slack = slack;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.clock = clock;
    }

    @Override
    public Lookup lookup(String teamId) {
        Optional<Installation> found;
        try {
            found = installations.forWorkspace(teamId);
        } catch (TokenCipher.UnreadableTokenException e) {
            LOG.error("the stored token of workspace {} cannot be opened ({}): is PAPERBOT_TOKEN_KEY the key it was"
                    + " stored with?", teamId, e.getMessage());
            return new Unavailable("its stored token cannot be opened");
        }
        if (found.isEmpty()) {
            return new NotInstalled("not_installed");
        }
        Installation installation = found.get();
        if (installation.rotates() && installation.tokenExpiresAt()
                .map(at -> at.isBefore(clock.instant().plus(REFRESH_BEFORE))).orElse(true)) {
            return refresh(installation);
        }
        return new Found(installation.botToken());
    }

    private synchronized Lookup refresh(Installation stale) {
        // Another thread of this process may have refreshed it while this one waited for the lock.
        Installation current = installations.forWorkspace(stale.workspace()).orElse(stale);
        if (current.tokenVersion() != stale.tokenVersion()) {
            return new Found(current.botToken());
        }
        try {
            OAuthV2AccessResponse r = slack.methods().oauthV2Access(req -> req.clientId(clientId)
                    .clientSecret(clientSecret).grantType("refresh_token").refreshToken(current.refreshToken().orElseThrow()));
            if (!r.isOk() || r.getAccessToken() == null) {
                return notRefreshed(current, r.getError());
            }
            Instant expiresAt = clock.instant().plusSeconds(r.getExpiresIn() == null ? 0 : r.getExpiresIn());
            Installation refreshed = current.withTokens(r.getAccessToken(),
                    Optional.ofNullable(r.getRefreshToken()).or(current::refreshToken), Optional.of(expiresAt));
            if (installations.replaceTokens(current, refreshed)) {
                LOG.info("refreshed the bot token of workspace {} (valid until {})", current.workspace(), expiresAt);
                return new Found(refreshed.botToken());
            }
            // Another process refreshed first: its token is the one in the store.
            return installations.forWorkspace(current.workspace()).<Lookup>map(i -> new Found(i.botToken()))
                    .orElseGet(() -> new NotInstalled("not_installed"));
        } catch (IOException | SlackApiException e) {
            return notRefreshed(current, e.getClass().getSimpleName());
        }
    }

    /** Until it expires the old token still works; after that, try again at the next digest tick. */
    private Lookup notRefreshed(Installation current, String error) {
        LOG.warn("could not refresh the bot token of workspace {}: {}", current.workspace(), error);
        boolean stillValid = current.tokenExpiresAt().map(at -> at.isAfter(clock.instant())).orElse(false);
        return stillValid ? new Found(current.botToken()) : new Unavailable("its token expired and did not refresh");
    }
}
