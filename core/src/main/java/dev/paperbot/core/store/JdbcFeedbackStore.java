package dev.paperbot.core.store;

import static dev.paperbot.core.store.Database.query;
import static dev.paperbot.core.store.Database.update;

import dev.paperbot.core.paper.PaperId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

final class JdbcFeedbackStore implements FeedbackStore {

    private static final int MAX_RECENT = 200;

    private final Database db;

    JdbcFeedbackStore(Database db) {
        this.db = db;
    }

    @Override
    public boolean record(Feedback f) {
        ChannelRef ch = f.channel();
        return db.write(c -> {
            int moved = update(c, """
                    UPDATE feedback SET created_at = ?
                    WHERE team_id = ? AND channel_id = ? AND user_id = ? AND paper_id = ? AND kind = ?
                    """, f.at().toEpochMilli(), ch.teamId(), ch.channelId(), f.userId(), f.paperId().value(),
                    f.kind().name());
            if (moved > 0) {
                return false;
            }
            update(c, """
                    INSERT INTO feedback (team_id, channel_id, user_id, paper_id, kind, created_at)
                    VALUES (?, ?, ?, ?, ?, ?)
                    ON CONFLICT (team_id, channel_id, user_id, paper_id, kind) DO NOTHING
                    """, ch.teamId(), ch.channelId(), f.userId(), f.paperId().value(), f.kind().name(),
                    f.at().toEpochMilli());
            return true;
        });
    }

    @Override
    public boolean retract(ChannelRef channel, String userId, PaperId paperId, Feedback.Kind kind) {
        return db.write(c -> update(c, """
                DELETE FROM feedback
                WHERE team_id = ? AND channel_id = ? AND user_id = ? AND paper_id = ? AND kind = ?
                """, channel.teamId(), channel.channelId(), userId, paperId.value(), kind.name())) > 0;
    }

    @Override
    public Set<PaperId> dismissed(ChannelRef channel) {
        return new LinkedHashSet<>(db.read(c -> query(c, """
                SELECT DISTINCT paper_id FROM feedback
                WHERE team_id = ? AND channel_id = ? AND kind = 'NOT_INTERESTED'
                """, rs -> new PaperId(rs.getString(1)), channel.teamId(), channel.channelId())));
    }

    @Override
    public List<Feedback> forChannel(ChannelRef channel, Instant since) {
        return db.read(c -> query(c, """
                SELECT team_id, channel_id, user_id, paper_id, kind, created_at FROM feedback
                WHERE team_id = ? AND channel_id = ? AND created_at >= ?
                ORDER BY created_at DESC, paper_id
                """, JdbcFeedbackStore::row, channel.teamId(), channel.channelId(), since.toEpochMilli()));
    }

    @Override
    public List<Feedback> recentByUser(String teamId, String userId, Set<Feedback.Kind> kinds, int limit) {
        if (kinds.isEmpty() || limit <= 0) {
            return List.of();
        }
        List<Object> params = new ArrayList<>(List.of(ChannelRef.requireId(teamId, "team id"),
                ChannelRef.requireId(userId, "user id")));
        kinds.forEach(k -> params.add(k.name()));
        params.add(Math.min(limit, MAX_RECENT));
        String placeholders = String.join(", ", java.util.Collections.nCopies(kinds.size(), "?"));
        return db.read(c -> query(c, """
                SELECT team_id, channel_id, user_id, paper_id, kind, created_at FROM feedback
                WHERE team_id = ? AND user_id = ? AND kind IN (%s)
                ORDER BY created_at DESC, paper_id
                LIMIT ?
                """.formatted(placeholders), JdbcFeedbackStore::row, params.toArray()));
    }

    private static Feedback row(ResultSet rs) throws SQLException {
        return new Feedback(
                new ChannelRef(rs.getString("team_id"), rs.getString("channel_id")),
                rs.getString("user_id"),
                new PaperId(rs.getString("paper_id")),
                Feedback.Kind.valueOf(rs.getString("kind")),
                Instant.ofEpochMilli(rs.getLong("created_at")));
    }
}
