package dev.paperbot.core.store;

import static dev.paperbot.core.store.Database.query;
import static dev.paperbot.core.store.Database.update;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Installations in the {@code installation} table, tokens sealed with the cipher the store was given. */
final class JdbcInstallationStore implements InstallationStore {

    /** '' stands for "none" in the key columns, which cannot hold NULL. */
    private static final String NONE = "";

    private static final String COLUMNS = """
            team_id, enterprise_id, is_enterprise_install, app_id, bot_id, bot_user_id, bot_token, bot_scopes,
            bot_refresh_token, bot_token_expires_at, installer_user_id, installed_at, token_version
            """;

    private final Database db;
    private final TokenCipher cipher;

    JdbcInstallationStore(Database db, TokenCipher cipher) {
        this.db = db;
        this.cipher = Objects.requireNonNull(cipher, "cipher");
    }

    @Override
    public void save(Installation i) {
        String team = i.enterpriseInstall() ? NONE : i.teamId().orElseThrow();
        String enterprise = i.enterpriseId().orElse(NONE);
        db.write(c -> {
            if (!team.isEmpty()) {
                // A workspace has one installation, even if it joined (or left) an org since the last one.
                update(c, "DELETE FROM installation WHERE team_id = ? AND enterprise_id <> ?", team, enterprise);
            }
            return update(c, "INSERT INTO installation (" + COLUMNS + """
                    ) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)
                    ON CONFLICT (team_id, enterprise_id) DO UPDATE SET
                        is_enterprise_install = excluded.is_enterprise_install,
                        app_id = excluded.app_id,
                        bot_id = excluded.bot_id,
                        bot_user_id = excluded.bot_user_id,
                        bot_token = excluded.bot_token,
                        bot_scopes = excluded.bot_scopes,
                        bot_refresh_token = excluded.bot_refresh_token,
                        bot_token_expires_at = excluded.bot_token_expires_at,
                        installer_user_id = excluded.installer_user_id,
                        installed_at = excluded.installed_at,
                        token_version = installation.token_version + 1
                    """, team, enterprise, i.enterpriseInstall(), i.appId().orElse(NONE), i.botId().orElse(NONE),
                    i.botUserId().orElse(NONE), seal(i.botToken(), team, enterprise, "bot_token"),
                    String.join(",", i.botScopes()),
                    sealOrNull(i.refreshToken(), team, enterprise, "bot_refresh_token"),
                    i.tokenExpiresAt().<Object>map(Instant::toEpochMilli).orElse(Database.Null.BIGINT),
                    i.installerUserId().orElse(NONE), i.installedAt().toEpochMilli());
        });
    }

    @Override
    public Optional<Installation> find(String enterpriseId, String teamId) {
        if (enterpriseId != null && !enterpriseId.isBlank()) {
            Optional<Installation> orgWide = one("""
                    WHERE team_id = '' AND enterprise_id = ? AND is_enterprise_install = ?
                    """, enterpriseId, true);
            if (orgWide.isPresent()) {
                return orgWide;
            }
        }
        return teamId == null || teamId.isBlank() ? Optional.empty() : forWorkspace(teamId);
    }

    @Override
    public Optional<Installation> forWorkspace(String teamId) {
        String team = ChannelRef.requireId(teamId, "team id");
        return one("WHERE team_id = ? ORDER BY installed_at DESC", team);
    }

    @Override
    public boolean delete(String enterpriseId, String teamId) {
        if (teamId != null && !teamId.isBlank()) {
            String team = ChannelRef.requireId(teamId, "team id");
            return db.write(c -> update(c, "DELETE FROM installation WHERE team_id = ?", team)) > 0;
        }
        if (enterpriseId != null && !enterpriseId.isBlank()) {
            return db.write(c -> update(c, "DELETE FROM installation WHERE team_id = '' AND enterprise_id = ?",
                    enterpriseId)) > 0;
        }
        return false;
    }

    @Override
    public boolean replaceTokens(Installation current, Installation refreshed) {
        String team = current.enterpriseInstall() ? NONE : current.teamId().orElseThrow();
        String enterprise = current.enterpriseId().orElse(NONE);
        return db.write(c -> update(c, """
                UPDATE installation
                SET bot_token = ?, bot_refresh_token = ?, bot_token_expires_at = ?, token_version = token_version + 1
                WHERE team_id = ? AND enterprise_id = ? AND token_version = ?
                """, seal(refreshed.botToken(), team, enterprise, "bot_token"),
                sealOrNull(refreshed.refreshToken(), team, enterprise, "bot_refresh_token"),
                refreshed.tokenExpiresAt().<Object>map(Instant::toEpochMilli).orElse(Database.Null.BIGINT),
                team, enterprise, current.tokenVersion())) > 0;
    }

    @Override
    public int count() {
        return db.read(c -> query(c, "SELECT COUNT(*) FROM installation", rs -> rs.getInt(1))).getFirst();
    }

    @Override
    public int unreadable() {
        return (int) db.read(c -> query(c, "SELECT bot_token, bot_refresh_token FROM installation",
                        rs -> cipher.knowsKeyOf(rs.getString(1))
                                && (rs.getString(2) == null || cipher.knowsKeyOf(rs.getString(2)))))
                .stream().filter(readable -> !readable).count();
    }

    private Optional<Installation> one(String where, Object... params) {
        return db.read(c -> query(c, "SELECT " + COLUMNS + " FROM installation " + where, this::row, params))
                .stream().findFirst();
    }

    private Installation row(ResultSet rs) throws SQLException {
        String team = rs.getString("team_id");
        String enterprise = rs.getString("enterprise_id");
        String refresh = rs.getString("bot_refresh_token");
        long expires = rs.getLong("bot_token_expires_at");
        Optional<Instant> expiresAt = rs.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(expires));
        String scopes = rs.getString("bot_scopes");
        return new Installation(
                Optional.of(enterprise),
                Optional.of(team),
                rs.getBoolean("is_enterprise_install"),
                Optional.of(rs.getString("app_id")),
                Optional.of(rs.getString("bot_id")),
                Optional.of(rs.getString("bot_user_id")),
                cipher.open(rs.getString("bot_token"), context(team, enterprise, "bot_token")),
                scopes.isEmpty() ? List.of() : Arrays.asList(scopes.split(",")),
                refresh == null ? Optional.empty()
                        : Optional.of(cipher.open(refresh, context(team, enterprise, "bot_refresh_token"))),
                expiresAt,
                Optional.of(rs.getString("installer_user_id")),
                Instant.ofEpochMilli(rs.getLong("installed_at")),
                rs.getLong("token_version"));
    }

    private String seal(String token, String team, String enterprise, String column) {
        return cipher.seal(token, context(team, enterprise, column));
    }

    private Object sealOrNull(Optional<String> token, String team, String enterprise, String column) {
        return token.<Object>map(t -> seal(t, team, enterprise, column)).orElse(Database.Null.VARCHAR);
    }

    /** The associated data of a sealed token: its row and column, so it opens nowhere else. */
    private static String context(String team, String enterprise, String column) {
        return "paperbot/installation/" + enterprise + "/" + team + "/" + column;
    }
}
