package dev.paperbot.core.store;

import java.util.Optional;

/**
 * Where the bot is installed (OAuth distribution): one {@link Installation} per workspace, or per org for an
 * org-wide install. Tokens are sealed with the store's {@link TokenCipher} on the way in and opened on the way out,
 * so they never reach the database in clear text. Shared by every process on the same database.
 */
public interface InstallationStore {

    /**
     * Saves an installation, replacing the workspace's (or org's) earlier one: a re-install brings new tokens and
     * scopes. The saved row gets a new token version.
     */
    void save(Installation installation);

    /**
     * The installation that serves a request from this org and workspace: the org-wide install of
     * {@code enterpriseId} if there is one, else the workspace's own.
     *
     * @param enterpriseId the Enterprise Grid org, or null outside one
     * @param teamId       the workspace, or null (an org-level request)
     * @throws TokenCipher.UnreadableTokenException when the row's tokens were sealed with another key or changed
     */
    Optional<Installation> find(String enterpriseId, String teamId);

    /** The workspace's own installation (not an org-wide one): how digests find a workspace's token. */
    Optional<Installation> forWorkspace(String teamId);

    /**
     * Removes the installation of this workspace, or the org-wide one when {@code teamId} is null; false when
     * there was none.
     */
    boolean delete(String enterpriseId, String teamId);

    /**
     * Replaces the tokens of {@code current} (after a token refresh) if they are still the ones of its
     * {@link Installation#tokenVersion()}; false when another process replaced them first, or the installation is
     * gone. Either way, {@link #find} then gives the newest tokens.
     */
    boolean replaceTokens(Installation current, Installation refreshed);

    /** How many installations there are. */
    int count();

    /** How many installations hold tokens that none of the store's keys sealed (a changed or lost key). */
    int unreadable();
}
