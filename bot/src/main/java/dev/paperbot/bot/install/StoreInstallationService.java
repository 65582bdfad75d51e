package dev.paperbot.bot.install;

import com.slack.api.bolt.model.Bot;
import com.slack.api.bolt.model.Installer;
import com.slack.api.bolt.model.builtin.DefaultBot;
import com.slack.api.bolt.service.InstallationService;
import dev.paperbot.core.store.Installation;
import dev.paperbot.core.store.InstallationStore;
import dev.paperbot.core.store.TokenCipher;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bolt's {@link InstallationService} over the store: Bolt's {@link Installer} and {@link Bot} records map to the
 * store's own {@link Installation} here, so the store knows nothing of Slack's SDK. Only bot tokens are kept (the app
 * asks for no user scopes); the installer is remembered by id.
 */
final class StoreInstallationService implements InstallationService {

    private static final Logger LOG = LoggerFactory.getLogger(StoreInstallationService.class);

    private final InstallationStore installations;
    private final Workspaces workspaces;
    private final Clock clock;

    StoreInstallationService(InstallationStore installations, Workspaces workspaces, Clock clock) {
        this.installations = installations;
        this.workspaces = workspaces;
        this.clock = clock;
    }

    /** The installation as Bolt hands it to its middleware, remembering the stored one for a token refresh. */
    static final class StoredBot extends DefaultBot {
        private final transient Installation stored;

        StoredBot(Installation stored) {
            this.stored = stored;
            setAppId(stored.appId().orElse(null));
            setEnterpriseId(stored.enterpriseId().orElse(null));
            setTeamId(stored.teamId().orElse(null));
            setIsEnterpriseInstall(stored.enterpriseInstall());
            setTokenType("bot");
            setBotId(stored.botId().orElse(null));
            setBotUserId(stored.botUserId().orElse(null));
            setBotScope(String.join(",", stored.botScopes()));
            setScope(getBotScope());
            setBotAccessToken(stored.botToken());
            setBotRefreshToken(stored.refreshToken().orElse(null));
            setBotTokenExpiresAt(stored.tokenExpiresAt().map(Instant::toEpochMilli).orElse(null));
            setInstalledAt(stored.installedAt().toEpochMilli());
        }

        @Override
        public String toString() {
            return "StoredBot[" + stored + "]";
        }
    }

    @Override
    public boolean isHistoricalDataEnabled() {
        return false;
    }

    @Override
    public void setHistoricalDataEnabled(boolean enabled) {
        if (enabled) {
            throw new UnsupportedOperationException("the store keeps the latest installation of each workspace only");
        }
    }

    @Override
    public void saveInstallerAndBot(Installer installer) {
        Installation installation = installation(installer);
        installations.save(installation);
        LOG.info("saved {}", installation);
        installation.teamId().ifPresent(workspaces::installed);
    }

    /**
     * Bolt refreshed a rotating token for a request: replace the stored tokens, unless another process refreshed
     * them first (then its tokens stay; the ones Bolt got are valid too until they expire).
     */
    @Override
    public void saveBot(Bot bot) {
        Optional<Installation> current = bot instanceof StoredBot stored ? Optional.of(stored.stored)
                : installations.find(bot.getEnterpriseId(), bot.getTeamId());
        if (current.isEmpty()) {
            LOG.warn("a refreshed token for workspace {} came after its installation was removed; dropped",
                    bot.getTeamId());
            return;
        }
        Installation refreshed = current.get().withTokens(bot.getBotAccessToken(),
                Optional.ofNullable(bot.getBotRefreshToken()),
                Optional.ofNullable(bot.getBotTokenExpiresAt()).map(Instant::ofEpochMilli));
        if (!installations.replaceTokens(current.get(), refreshed)) {
            LOG.info("the token of workspace {} was refreshed by another process first", bot.getTeamId());
        }
    }

    /** Bolt calls this when {@code auth.test} says {@code account_inactive}: the bot user is gone for good. */
    @Override
    public void deleteBot(Bot bot) {
        workspaces.removed(bot.getEnterpriseId(), bot.getTeamId(), "account_inactive");
    }

    /** No user tokens are kept, so there is nothing to delete for an installer alone. */
    @Override
    public void deleteInstaller(Installer installer) {
    }

    @Override
    public Bot findBot(String enterpriseId, String teamId) {
        try {
            return installations.find(enterpriseId, teamId).map(StoredBot::new).orElse(null);
        } catch (TokenCipher.UnreadableTokenException e) {
            LOG.error("the stored token of workspace {} cannot be opened ({}): is PAPERBOT_TOKEN_KEY the key it was"
                    + " stored with?", teamId, e.getMessage());
            return null;
        }
    }

    /** No user tokens are kept: there is never an installer to act as. */
    @Override
    public Installer findInstaller(String enterpriseId, String teamId, String userId) {
        return null;
    }

    @Override
    public void deleteAll(String enterpriseId, String teamId) {
        workspaces.removed(enterpriseId, teamId, "app_uninstalled");
    }

    @Override
    public String getInstallationGuideText(String enterpriseId, String teamId, String userId) {
        return workspaces.installGuide();
    }

    private Installation installation(Installer i) {
        if (i.getBotAccessToken() == null) {
            throw new IllegalArgumentException("Slack granted no bot token; install the app with its bot scopes");
        }
        return new Installation(
                Optional.ofNullable(i.getEnterpriseId()),
                Optional.ofNullable(i.getTeamId()),
                Boolean.TRUE.equals(i.getIsEnterpriseInstall()),
                Optional.ofNullable(i.getAppId()),
                Optional.ofNullable(i.getBotId()),
                Optional.ofNullable(i.getBotUserId()),
                i.getBotAccessToken(),
                // From the installer record: Bolt's Bot copy of it leaves the bot scopes out.
                scopes(i.getBotScope()),
                Optional.ofNullable(i.getBotRefreshToken()),
                Optional.ofNullable(i.getBotTokenExpiresAt()).map(Instant::ofEpochMilli),
                Optional.ofNullable(i.getInstallerUserId()),
                i.getInstalledAt() == null ? clock.instant() : Instant.ofEpochMilli(i.getInstalledAt()),
                0);
    }

    private static List<String> scopes(String commaSeparated) {
        return commaSeparated == null || commaSeparated.isBlank() ? List.of()
                : Arrays.stream(commaSeparated.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
