package dev.paperbot.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Installations, OAuth states and workspace-wide pauses, run against SQLite and PostgreSQL by the subclasses. */
abstract class InstallationStoreContractTest extends StoreOnFreshDatabase {

    static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");
    static final TokenCipher CIPHER = TokenCipher.aesGcm(TokenCipherTest.key(7));

    InstallationStore installations;

    InstallationStoreContractTest(TestDatabase database) {
        super(database);
    }

    @BeforeEach
    void openInstallations() {
        installations = store.installations(CIPHER);
    }

    static Installation workspace(String team, String token) {
        return new Installation(Optional.empty(), Optional.of(team), false, Optional.of("A0APP"),
                Optional.of("B" + team), Optional.of("U" + team), token, List.of("commands", "chat:write"),
                Optional.empty(), Optional.empty(), Optional.of("U0INSTALLER"), T0, 0);
    }

    static Installation rotating(String team, String token, String refresh, Instant expires) {
        return new Installation(Optional.of("E0ORG"), Optional.of(team), false, Optional.of("A0APP"),
                Optional.of("B1"), Optional.of("U1"), token, List.of("commands"), Optional.of(refresh),
                Optional.of(expires), Optional.of("U0INSTALLER"), T0, 0);
    }

    /** The installation table's rows as the database holds them. */
    List<Map<String, String>> rawRows() throws SQLException {
        List<Map<String, String>> rows = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(currentConfig().jdbcUrl());
                PreparedStatement ps = c.prepareStatement("SELECT * FROM installation ORDER BY team_id");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                Map<String, String> row = new LinkedHashMap<>();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    row.put(rs.getMetaData().getColumnName(i).toLowerCase(java.util.Locale.ROOT), rs.getString(i));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    void rawUpdate(String sql, String... params) throws SQLException {
        try (Connection c = DriverManager.getConnection(currentConfig().jdbcUrl());
                PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setString(i + 1, params[i]);
            }
            ps.executeUpdate();
        }
    }

    @Test
    void an_installation_is_saved_and_found_again_with_every_field() {
        Installation a = rotating("TAAAA", "xoxe.xoxb-1-aaaa", "xoxe-1-refresh", T0.plus(Duration.ofHours(12)));
        installations.save(a);

        Installation found = installations.find("E0ORG", "TAAAA").orElseThrow();
        assertThat(found).usingRecursiveComparison().ignoringFields("tokenVersion").isEqualTo(a);
        assertThat(found.tokenVersion()).isEqualTo(1);
        assertThat(installations.forWorkspace("TAAAA")).contains(found);
        assertThat(installations.find(null, "TAAAA")).contains(found);
        assertThat(installations.count()).isEqualTo(1);
        assertThat(found.toString()).doesNotContain("xoxe").doesNotContain("xoxb");
    }

    @Test
    void tokens_never_reach_the_database_in_clear_text() throws SQLException {
        installations.save(rotating("TAAAA", "xoxe.xoxb-1-aaaa", "xoxe-1-refresh", T0.plusSeconds(3600)));

        Map<String, String> row = rawRows().getFirst();
        assertThat(row.get("team_id")).isEqualTo("TAAAA");
        assertThat(row.get("bot_token")).startsWith("v1:" + CIPHER.keyId() + ":").doesNotContain("xox");
        assertThat(row.get("bot_refresh_token")).startsWith("v1:").doesNotContain("xox").doesNotContain("refresh");
        assertThat(String.join("|", row.values())).doesNotContain("aaaa");
        assertThat(row.get("bot_scopes")).isEqualTo("commands");
    }

    @Test
    void a_token_copied_into_another_workspaces_row_does_not_open_there() throws SQLException {
        installations.save(workspace("TAAAA", "xoxb-a"));
        installations.save(workspace("TBBBB", "xoxb-b"));
        String sealedA = rawRows().getFirst().get("bot_token");

        rawUpdate("UPDATE installation SET bot_token = ? WHERE team_id = ?", sealedA, "TBBBB");

        assertThat(installations.forWorkspace("TAAAA").orElseThrow().botToken()).isEqualTo("xoxb-a");
        assertThatThrownBy(() -> installations.forWorkspace("TBBBB"))
                .isInstanceOf(TokenCipher.UnreadableTokenException.class);
    }

    @Test
    void another_key_reads_nothing_and_says_so_and_a_rotated_key_reads_both() {
        installations.save(workspace("TAAAA", "xoxb-a"));
        TokenCipher other = TokenCipher.aesGcm(TokenCipherTest.key(9));

        assertThat(store.installations(other).unreadable()).isEqualTo(1);
        assertThatThrownBy(() -> store.installations(other).forWorkspace("TAAAA"))
                .isInstanceOf(TokenCipher.UnreadableTokenException.class).hasMessageContaining("another key");
        assertThat(installations.unreadable()).isZero();

        InstallationStore rotated = store.installations(TokenCipher.aesGcm(
                List.of(TokenCipherTest.key(9), TokenCipherTest.key(7))));
        assertThat(rotated.forWorkspace("TAAAA").orElseThrow().botToken()).isEqualTo("xoxb-a");
        rotated.save(workspace("TBBBB", "xoxb-b"));
        assertThat(rotated.unreadable()).isZero();
        assertThat(installations.unreadable()).isEqualTo(1); // the old key alone cannot read B
    }

    @Test
    void a_reinstall_replaces_the_workspaces_installation_even_after_it_joined_an_org() {
        installations.save(workspace("TAAAA", "xoxb-first"));
        Installation second = rotating("TAAAA", "xoxe.xoxb-second", "xoxe-r", T0.plusSeconds(60));
        installations.save(second);

        assertThat(installations.count()).isEqualTo(1);
        Installation found = installations.forWorkspace("TAAAA").orElseThrow();
        assertThat(found.botToken()).isEqualTo("xoxe.xoxb-second");
        assertThat(found.enterpriseId()).contains("E0ORG");

        installations.save(workspace("TAAAA", "xoxb-third"));
        assertThat(installations.count()).isEqualTo(1);
        assertThat(installations.forWorkspace("TAAAA").orElseThrow().rotates()).isFalse();
        assertThat(installations.forWorkspace("TAAAA").orElseThrow().tokenVersion()).isEqualTo(1);
        installations.save(workspace("TAAAA", "xoxb-fourth"));
        assertThat(installations.forWorkspace("TAAAA").orElseThrow().tokenVersion()).isEqualTo(2);
    }

    @Test
    void an_org_wide_install_serves_every_workspace_of_the_org_but_is_not_a_workspaces_own() {
        Installation org = new Installation(Optional.of("E0ORG"), Optional.empty(), true, Optional.of("A0APP"),
                Optional.of("B0"), Optional.of("U0"), "xoxb-org", List.of("commands"), Optional.empty(),
                Optional.empty(), Optional.empty(), T0, 0);
        installations.save(org);
        installations.save(workspace("TAAAA", "xoxb-a"));

        assertThat(installations.find("E0ORG", "TZZZZ").orElseThrow().botToken()).isEqualTo("xoxb-org");
        assertThat(installations.find("E0ORG", "TAAAA").orElseThrow().botToken()).isEqualTo("xoxb-org");
        assertThat(installations.find(null, "TAAAA").orElseThrow().botToken()).isEqualTo("xoxb-a");
        assertThat(installations.find("E0OTHER", "TZZZZ")).isEmpty();
        assertThat(installations.forWorkspace("TZZZZ")).isEmpty();

        assertThat(installations.delete("E0ORG", null)).isTrue();
        assertThat(installations.find("E0ORG", "TZZZZ")).isEmpty();
        assertThat(installations.forWorkspace("TAAAA")).isPresent();
    }

    @Test
    void deleting_one_workspace_leaves_the_others() {
        installations.save(workspace("TAAAA", "xoxb-a"));
        installations.save(workspace("TBBBB", "xoxb-b"));

        assertThat(installations.delete(null, "TAAAA")).isTrue();
        assertThat(installations.delete(null, "TAAAA")).isFalse();
        assertThat(installations.find(null, "TAAAA")).isEmpty();
        assertThat(installations.forWorkspace("TBBBB").orElseThrow().botToken()).isEqualTo("xoxb-b");
        assertThat(installations.delete(null, null)).isFalse();
    }

    @Test
    void of_two_refreshes_of_one_token_version_only_the_first_lands() {
        installations.save(rotating("TAAAA", "xoxe.xoxb-v1", "xoxe-r1", T0.plusSeconds(60)));
        Installation seenByBoth = installations.forWorkspace("TAAAA").orElseThrow();

        assertThat(installations.replaceTokens(seenByBoth, seenByBoth.withTokens("xoxe.xoxb-v2",
                Optional.of("xoxe-r2"), Optional.of(T0.plusSeconds(43_200))))).isTrue();
        assertThat(installations.replaceTokens(seenByBoth, seenByBoth.withTokens("xoxe.xoxb-stale",
                Optional.of("xoxe-stale"), Optional.of(T0.plusSeconds(43_200))))).isFalse();

        Installation now = installations.forWorkspace("TAAAA").orElseThrow();
        assertThat(now.botToken()).isEqualTo("xoxe.xoxb-v2");
        assertThat(now.refreshToken()).contains("xoxe-r2");
        assertThat(now.tokenExpiresAt()).contains(T0.plusSeconds(43_200));
        assertThat(now.tokenVersion()).isEqualTo(seenByBoth.tokenVersion() + 1);
    }

    @Test
    void an_oauth_state_is_good_once_and_only_until_it_expires() {
        OAuthStateStore states = store.oauthStates();
        states.issue("state-1", T0, T0.plusSeconds(600));
        states.issue("state-2", T0, T0.plusSeconds(600));

        assertThat(states.isValid("state-1", T0.plusSeconds(1))).isTrue();
        assertThat(states.isValid("state-1", T0.plusSeconds(1))).as("checking uses nothing up").isTrue();
        assertThat(states.consume("state-1", T0.plusSeconds(1))).isTrue();
        assertThat(states.consume("state-1", T0.plusSeconds(2))).as("reused").isFalse();
        assertThat(states.isValid("state-1", T0.plusSeconds(2))).isFalse();

        assertThat(states.isValid("state-2", T0.plusSeconds(600))).as("expired").isFalse();
        assertThat(states.consume("state-2", T0.plusSeconds(600))).isFalse();
        assertThat(states.consume("never-issued", T0)).isFalse();
        assertThat(states.consume("", T0)).isFalse();
        assertThat(states.consume(null, T0)).isFalse();
    }

    @Test
    void of_many_processes_consuming_one_state_at_once_exactly_one_succeeds() throws Exception {
        int processes = 6;
        List<PaperbotStore> others = new ArrayList<>();
        for (int i = 0; i < processes; i++) {
            others.add(Stores.open(currentConfig()));
        }
        ExecutorService pool = Executors.newFixedThreadPool(processes);
        try {
            for (int round = 0; round < 5; round++) {
                String state = "state-" + round;
                store.oauthStates().issue(state, T0, T0.plusSeconds(600));
                List<Callable<Boolean>> tasks = new ArrayList<>();
                for (PaperbotStore s : others) {
                    tasks.add(() -> s.oauthStates().consume(state, T0.plusSeconds(1)));
                }
                int winners = 0;
                for (Future<Boolean> f : pool.invokeAll(tasks)) {
                    winners += f.get() ? 1 : 0;
                }
                assertThat(winners).as("round %d", round).isEqualTo(1);
            }
        } finally {
            pool.shutdownNow();
            others.forEach(PaperbotStore::close);
        }
    }

    @Test
    void a_state_is_stored_only_as_a_hash_and_expired_ones_are_cleared() throws SQLException {
        OAuthStateStore states = store.oauthStates();
        states.issue("visible-state-value", T0, T0.plusSeconds(600));
        states.issue("later", T0.plusSeconds(700), T0.plusSeconds(1300));

        try (Connection c = DriverManager.getConnection(currentConfig().jdbcUrl());
                ResultSet rs = c.createStatement().executeQuery("SELECT state_hash FROM oauth_state")) {
            List<String> hashes = new ArrayList<>();
            while (rs.next()) {
                hashes.add(rs.getString(1));
            }
            // Only "later" is left, as its SHA-256 in hex (pinned: states issued before an upgrade must still be
            // found after it).
            assertThat(hashes).containsExactly("1d9283d848ea941ace1fe0d2378ef8b70056a0d4d1648b95a322d90163e78285");
        }
    }

    @Test
    void pausing_a_workspace_pauses_its_running_channels_only_and_resuming_undoes_just_that() {
        SubscriptionStore subs = store.subscriptions();
        ChannelRef a1 = ChannelRef.of("TAAAA", "C1");
        ChannelRef a2 = ChannelRef.of("TAAAA", "C2");
        ChannelRef b1 = ChannelRef.of("TBBBB", "C1");
        for (ChannelRef ch : List.of(a1, a2, b1)) {
            subs.subscribe(ch, Topic.keyword("agents"), "U1", T0);
        }
        subs.pause(a2, "not_in_channel", T0);

        assertThat(subs.pauseWorkspace("TAAAA", "app_uninstalled", T0.plusSeconds(5))).isEqualTo(1);
        assertThat(subs.settings(a1).pause().orElseThrow().reason()).isEqualTo("app_uninstalled");
        assertThat(subs.settings(a2).pause().orElseThrow().reason()).isEqualTo("not_in_channel");
        assertThat(subs.settings(b1).paused()).isFalse();

        assertThat(subs.resumeWorkspace("TAAAA", Set.of("app_uninstalled", "token_revoked"))).isEqualTo(1);
        assertThat(subs.settings(a1).paused()).isFalse();
        assertThat(subs.settings(a2).paused()).isTrue();
        assertThat(subs.resumeWorkspace("TAAAA", Set.of())).isZero();
    }
}
