package dev.paperbot.core.store;

import static dev.paperbot.core.store.Database.query;
import static dev.paperbot.core.store.Database.update;

import dev.paperbot.core.paper.PaperId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

final class JdbcDigestStore implements DigestStore {

    /** Paper ids never contain a line break, so a newline-separated list stays portable and readable. */
    private static final String ID_SEPARATOR = "\n";

    private static final String RUN_COLUMNS = """
            team_id, channel_id, day, state, owner, attempt, lease_until, paper_ids, papers_as_of,
            parts_total, parts_posted, note
            """;

    /**
     * Inserts the run, or takes it over when its owner's lease ran out before it finished. Both databases apply the
     * conflict clause atomically against the row's latest version, so of two processes racing for one channel-day,
     * exactly one changes a row.
     */
    private static final String CLAIM = """
            INSERT INTO digest_run (team_id, channel_id, day, state, owner, attempt, lease_until, claimed_at)
            VALUES (?, ?, ?, 'CLAIMED', ?, 1, ?, ?)
            ON CONFLICT (team_id, channel_id, day) DO UPDATE
               SET owner = excluded.owner,
                   attempt = digest_run.attempt + 1,
                   lease_until = excluded.lease_until,
                   claimed_at = excluded.claimed_at
             WHERE digest_run.state IN ('CLAIMED', 'POSTING')
               AND digest_run.lease_until < ?
            """;

    /** Appended to every write about a claimed run: the write only lands while the claim is still this one. */
    private static final String FENCE = " WHERE team_id = ? AND channel_id = ? AND day = ? AND owner = ? AND attempt = ?";

    private final Database db;

    JdbcDigestStore(Database db) {
        this.db = db;
    }

    @Override
    public Set<PaperId> postedPapers(ChannelRef channel) {
        return new LinkedHashSet<>(db.read(c -> query(c,
                "SELECT paper_id FROM posted_paper WHERE team_id = ? AND channel_id = ? ORDER BY posted_at, paper_id",
                rs -> new PaperId(rs.getString(1)), channel.teamId(), channel.channelId())));
    }

    @Override
    public Optional<DigestClaim> claim(ChannelRef channel, LocalDate day, String owner, Instant now, Duration lease) {
        Objects.requireNonNull(owner, "owner");
        long leaseUntil = now.plus(lease).toEpochMilli();
        return db.write(c -> {
            int changed = update(c, CLAIM, channel.teamId(), channel.channelId(), day.toString(), owner, leaseUntil,
                    now.toEpochMilli(), now.toEpochMilli());
            if (changed == 0) {
                return Optional.empty();
            }
            return runRow(c, channel, day).filter(r -> r.owner().equals(owner)).map(DigestClaim::new);
        });
    }

    @Override
    public boolean renew(DigestClaim claim, Instant now, Duration lease) {
        return db.write(c -> update(c, "UPDATE digest_run SET lease_until = ?" + FENCE + " AND state IN ('CLAIMED', 'POSTING')",
                fenced(claim, now.plus(lease).toEpochMilli()))) > 0;
    }

    @Override
    public boolean recordIntent(DigestClaim claim, List<PaperId> papers, int parts, Instant papersAsOf) {
        if (parts < 0) {
            throw new IllegalArgumentException("parts must not be negative, was " + parts);
        }
        String ids = papers.stream().map(PaperId::value).collect(Collectors.joining(ID_SEPARATOR));
        return db.write(c -> update(c, """
                UPDATE digest_run
                   SET state = 'POSTING', paper_ids = ?, parts_total = ?, parts_posted = 0, papers_as_of = ?
                """ + FENCE + " AND state = 'CLAIMED'",
                fenced(claim, ids, parts, papersAsOf.toEpochMilli()))) > 0;
    }

    @Override
    public boolean recordPartPosted(DigestClaim claim, int part, List<PaperId> papers, Instant at) {
        ChannelRef ch = claim.channel();
        return db.write(c -> {
            // The papers were posted whether or not this process still holds the claim: record that fact always.
            for (PaperId id : papers) {
                update(c, """
                        INSERT INTO posted_paper (team_id, channel_id, paper_id, digest_day, posted_at)
                        VALUES (?, ?, ?, ?, ?)
                        ON CONFLICT (team_id, channel_id, paper_id) DO NOTHING
                        """, ch.teamId(), ch.channelId(), id.value(), claim.day().toString(), at.toEpochMilli());
            }
            return update(c, "UPDATE digest_run SET parts_posted = ?" + FENCE
                            + " AND state = 'POSTING' AND parts_posted = ?",
                    fencedThen(claim, part, part - 1)) > 0;
        });
    }

    @Override
    public boolean finish(DigestClaim claim, DigestRun.State state, String note, Instant at) {
        if (!state.finished()) {
            throw new IllegalArgumentException("a run finishes as POSTED, EMPTY or FAILED, not " + state);
        }
        Object noteParam = note == null ? Database.Null.VARCHAR : (note.length() > 500 ? note.substring(0, 500) : note);
        return db.write(c -> update(c, "UPDATE digest_run SET state = ?, note = ?, finished_at = ?" + FENCE
                        + " AND state IN ('CLAIMED', 'POSTING')",
                fenced(claim, state.name(), noteParam, at.toEpochMilli()))) > 0;
    }

    @Override
    public boolean reopenFailed(ChannelRef channel, LocalDate day) {
        // An expired lease lets the next claim take it; with messages already posted it resumes as an interrupted run.
        return db.write(c -> update(c, """
                UPDATE digest_run
                   SET state = CASE WHEN parts_posted > 0 THEN 'POSTING' ELSE 'CLAIMED' END,
                       lease_until = 0, note = NULL, finished_at = NULL
                 WHERE team_id = ? AND channel_id = ? AND day = ? AND state = 'FAILED'
                """, channel.teamId(), channel.channelId(), day.toString())) > 0;
    }

    @Override
    public Optional<DigestRun> run(ChannelRef channel, LocalDate day) {
        return db.read(c -> runRow(c, channel, day));
    }

    @Override
    public Optional<DigestRun> previousRun(ChannelRef channel, LocalDate day) {
        return db.read(c -> query(c, "SELECT " + RUN_COLUMNS + """
                FROM digest_run
                WHERE team_id = ? AND channel_id = ? AND day < ? AND state IN ('POSTED', 'EMPTY')
                ORDER BY day DESC
                LIMIT 1
                """, JdbcDigestStore::row, channel.teamId(), channel.channelId(), day.toString())
                .stream().findFirst());
    }

    @Override
    public List<DigestRun> runsOn(String teamId, LocalDate day) {
        return db.read(c -> query(c, "SELECT " + RUN_COLUMNS + """
                FROM digest_run WHERE team_id = ? AND day = ? ORDER BY channel_id
                """, JdbcDigestStore::row, ChannelRef.requireId(teamId, "team id"), day.toString()));
    }

    private static Optional<DigestRun> runRow(java.sql.Connection c, ChannelRef channel, LocalDate day)
            throws SQLException {
        return query(c, "SELECT " + RUN_COLUMNS + " FROM digest_run WHERE team_id = ? AND channel_id = ? AND day = ?",
                JdbcDigestStore::row, channel.teamId(), channel.channelId(), day.toString()).stream().findFirst();
    }

    /** The SET parameters followed by the fence's parameters. */
    private static Object[] fenced(DigestClaim claim, Object... setParams) {
        Object[] all = Arrays.copyOf(setParams, setParams.length + 5);
        all[setParams.length] = claim.channel().teamId();
        all[setParams.length + 1] = claim.channel().channelId();
        all[setParams.length + 2] = claim.day().toString();
        all[setParams.length + 3] = claim.owner();
        all[setParams.length + 4] = claim.attempt();
        return all;
    }

    /** The fence's parameters are followed by trailing ones (for conditions after the fence). */
    private static Object[] fencedThen(DigestClaim claim, Object setParam, Object trailing) {
        Object[] head = fenced(claim, setParam);
        Object[] all = Arrays.copyOf(head, head.length + 1);
        all[head.length] = trailing;
        return all;
    }

    private static DigestRun row(ResultSet rs) throws SQLException {
        String ids = rs.getString("paper_ids");
        List<PaperId> papers = ids == null || ids.isEmpty()
                ? List.of()
                : Arrays.stream(ids.split(ID_SEPARATOR)).map(PaperId::new).toList();
        long asOf = rs.getLong("papers_as_of");
        Optional<Instant> papersAsOf = rs.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(asOf));
        return new DigestRun(
                new ChannelRef(rs.getString("team_id"), rs.getString("channel_id")),
                LocalDate.parse(rs.getString("day")),
                DigestRun.State.valueOf(rs.getString("state")),
                rs.getString("owner"),
                rs.getInt("attempt"),
                Instant.ofEpochMilli(rs.getLong("lease_until")),
                papers,
                papersAsOf,
                rs.getInt("parts_total"),
                rs.getInt("parts_posted"),
                Optional.ofNullable(rs.getString("note")));
    }
}
