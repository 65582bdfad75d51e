package dev.paperbot.core.store;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The bot installed in one workspace (or org-wide in an Enterprise Grid org) through Slack's OAuth flow: what the
 * bot needs to act there. No Slack types: the bot module maps Bolt's installer and bot records to this.
 *
 * <p>Tokens are held in clear text in memory only; the store seals them ({@link TokenCipher}) before they are
 * written, and {@link #toString()} never shows them.
 *
 * @param enterpriseId     the Enterprise Grid org, empty outside one
 * @param teamId           the workspace, empty for an org-wide install
 * @param enterpriseInstall true for an org-wide install (then {@code enterpriseId} is present)
 * @param appId            the Slack app ({@code A...}), empty if Slack did not say
 * @param botId            the bot ({@code B...}), empty if Slack did not say
 * @param botUserId        the bot's user ({@code U...}), empty if Slack did not say
 * @param botToken         the bot token ({@code xoxb-...} or, with token rotation, {@code xoxe.xoxb-...})
 * @param botScopes        the scopes the bot was granted
 * @param refreshToken     with token rotation on: the token that gets a new bot token
 * @param tokenExpiresAt   with token rotation on: when {@code botToken} stops working
 * @param installerUserId  who installed the app, empty if Slack did not say
 * @param installedAt      when (the latest install, for a re-install)
 * @param tokenVersion     grows each time the tokens change; {@link InstallationStore#replaceTokens} only replaces
 *                         the tokens of the version it was given, so a stale refresh cannot undo a newer one
 */
public record Installation(
        Optional<String> enterpriseId,
        Optional<String> teamId,
        boolean enterpriseInstall,
        Optional<String> appId,
        Optional<String> botId,
        Optional<String> botUserId,
        String botToken,
        List<String> botScopes,
        Optional<String> refreshToken,
        Optional<Instant> tokenExpiresAt,
        Optional<String> installerUserId,
        Instant installedAt,
        long tokenVersion) {

    public Installation {
        enterpriseId = present(enterpriseId, "enterprise id");
        teamId = present(teamId, "team id");
        appId = present(appId, "app id");
        botId = present(botId, "bot id");
        botUserId = present(botUserId, "bot user id");
        installerUserId = present(installerUserId, "installer user id");
        Objects.requireNonNull(botToken, "botToken");
        if (botToken.isBlank()) {
            throw new IllegalArgumentException("the bot token is empty");
        }
        botScopes = List.copyOf(botScopes);
        refreshToken = refreshToken == null ? Optional.empty() : refreshToken.filter(t -> !t.isBlank());
        tokenExpiresAt = tokenExpiresAt == null ? Optional.empty() : tokenExpiresAt;
        Objects.requireNonNull(installedAt, "installedAt");
        if (enterpriseInstall && enterpriseId.isEmpty()) {
            throw new IllegalArgumentException("an org-wide install needs its enterprise id");
        }
        if (!enterpriseInstall && teamId.isEmpty()) {
            throw new IllegalArgumentException("a workspace install needs its team id");
        }
    }

    /** The workspace's id, for a workspace install; what digests look their token up by. */
    public String workspace() {
        return teamId.orElseThrow(() -> new IllegalStateException("an org-wide install has no single workspace"));
    }

    /** Whether the bot token rotates (it comes with a refresh token). */
    public boolean rotates() {
        return refreshToken.isPresent();
    }

    /** A copy with new tokens (after a refresh), at the same version: the store bumps the version. */
    public Installation withTokens(String newBotToken, Optional<String> newRefreshToken, Optional<Instant> expiresAt) {
        return new Installation(enterpriseId, teamId, enterpriseInstall, appId, botId, botUserId, newBotToken,
                botScopes, newRefreshToken, expiresAt, installerUserId, installedAt, tokenVersion);
    }

    private static Optional<String> present(Optional<String> value, String what) {
        Optional<String> v = value == null ? Optional.empty() : value.filter(s -> !s.isBlank());
        v.ifPresent(s -> {
            if (s.length() > 64) {
                throw new IllegalArgumentException(what + " must be at most 64 characters");
            }
        });
        return v;
    }

    @Override
    public String toString() {
        return "Installation[" + (enterpriseInstall ? "org " + enterpriseId.orElseThrow()
                : "team " + teamId.orElseThrow() + enterpriseId.map(e -> " in " + e).orElse(""))
                + ", bot " + botUserId.orElse("?") + ", scopes " + botScopes
                + (rotates() ? ", rotating token" : "") + ", installed " + installedAt + "]";
    }
}
