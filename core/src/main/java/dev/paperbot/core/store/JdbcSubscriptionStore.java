package dev.paperbot.core.store;

import static dev.paperbot.core.store.Database.query;
import static dev.paperbot.core.store.Database.update;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

final class JdbcSubscriptionStore implements SubscriptionStore {

    private static final String ENSURE_CHANNEL = """
            INSERT INTO channel (team_id, channel_id) VALUES (?, ?)
            ON CONFLICT (team_id, channel_id) DO NOTHING
            """;

    private static final String BUMP_TOPICS_VERSION = """
            UPDATE channel SET topics_version = topics_version + 1
            WHERE team_id = ? AND channel_id = ?
            """;

    private static final String SETTINGS_COLUMNS = """
            team_id, channel_id, digest_time, time_zone, quiet_on_empty, paused_reason, paused_at, topics_version
            """;

    /** Channels with at least one topic. */
    private static final String SUBSCRIBED_CHANNELS = "SELECT " + SETTINGS_COLUMNS + """
            FROM channel c
            WHERE EXISTS (SELECT 1 FROM topic t WHERE t.team_id = c.team_id AND t.channel_id = c.channel_id)
            """;

    private final Database db;

    JdbcSubscriptionStore(Database db) {
        this.db = db;
    }

    @Override
    public boolean subscribe(ChannelRef channel, Topic topic, String userId, Instant at) {
        Objects.requireNonNull(topic, "topic");
        String user = ChannelRef.requireId(userId, "user id");
        return db.write(c -> {
            update(c, ENSURE_CHANNEL, channel.teamId(), channel.channelId());
            int count = query(c, "SELECT COUNT(*) FROM topic WHERE team_id = ? AND channel_id = ?",
                    rs -> rs.getInt(1), channel.teamId(), channel.channelId()).getFirst();
            boolean known = !query(c, "SELECT 1 FROM topic WHERE team_id = ? AND channel_id = ? AND topic_key = ?",
                    rs -> 1, channel.teamId(), channel.channelId(), topic.key()).isEmpty();
            if (known) {
                return false;
            }
            if (count >= MAX_TOPICS_PER_CHANNEL) {
                throw new IllegalStateException("this channel already follows " + MAX_TOPICS_PER_CHANNEL
                        + " topics, the most it can; unsubscribe one first");
            }
            update(c, """
                    INSERT INTO topic (team_id, channel_id, topic_key, kind, text, subscribed_by, subscribed_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    """,
                    channel.teamId(), channel.channelId(), topic.key(), topic.kind().name(), topic.text(),
                    user, at.toEpochMilli());
            update(c, BUMP_TOPICS_VERSION, channel.teamId(), channel.channelId());
            return true;
        });
    }

    @Override
    public boolean unsubscribe(ChannelRef channel, Topic topic) {
        return db.write(c -> {
            int removed = update(c, "DELETE FROM topic WHERE team_id = ? AND channel_id = ? AND topic_key = ?",
                    channel.teamId(), channel.channelId(), topic.key());
            if (removed > 0) {
                update(c, BUMP_TOPICS_VERSION, channel.teamId(), channel.channelId());
            }
            return removed > 0;
        });
    }

    @Override
    public int unsubscribeAll(ChannelRef channel) {
        return db.write(c -> {
            int removed = update(c, "DELETE FROM topic WHERE team_id = ? AND channel_id = ?",
                    channel.teamId(), channel.channelId());
            if (removed > 0) {
                update(c, BUMP_TOPICS_VERSION, channel.teamId(), channel.channelId());
            }
            return removed;
        });
    }

    @Override
    public List<Subscription> subscriptions(ChannelRef channel) {
        return db.read(c -> query(c, """
                SELECT kind, text, subscribed_by, subscribed_at FROM topic
                WHERE team_id = ? AND channel_id = ?
                ORDER BY subscribed_at, topic_key
                """,
                rs -> new Subscription(channel,
                        new Topic(Topic.Kind.valueOf(rs.getString("kind")), rs.getString("text")),
                        rs.getString("subscribed_by"),
                        Instant.ofEpochMilli(rs.getLong("subscribed_at"))),
                channel.teamId(), channel.channelId()));
    }

    @Override
    public ChannelSettings settings(ChannelRef channel) {
        return db.read(c -> settings(c, channel)).orElseGet(() -> ChannelSettings.defaults(channel));
    }

    private static Optional<ChannelSettings> settings(Connection c, ChannelRef channel) throws SQLException {
        return query(c, "SELECT " + SETTINGS_COLUMNS + " FROM channel WHERE team_id = ? AND channel_id = ?",
                JdbcSubscriptionStore::settingsRow, channel.teamId(), channel.channelId()).stream().findFirst();
    }

    @Override
    public void setDigestTime(ChannelRef channel, LocalTime time, ZoneId zone) {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(zone, "zone");
        String hhmm = String.format("%02d:%02d", time.getHour(), time.getMinute());
        db.write(c -> {
            update(c, ENSURE_CHANNEL, channel.teamId(), channel.channelId());
            return update(c, "UPDATE channel SET digest_time = ?, time_zone = ? WHERE team_id = ? AND channel_id = ?",
                    hhmm, zone.getId(), channel.teamId(), channel.channelId());
        });
    }

    @Override
    public void setQuietOnEmpty(ChannelRef channel, boolean quiet) {
        db.write(c -> {
            update(c, ENSURE_CHANNEL, channel.teamId(), channel.channelId());
            return update(c, "UPDATE channel SET quiet_on_empty = ? WHERE team_id = ? AND channel_id = ?",
                    quiet, channel.teamId(), channel.channelId());
        });
    }

    @Override
    public void pause(ChannelRef channel, String reason, Instant at) {
        String why = Objects.requireNonNull(reason, "reason");
        String trimmed = why.length() > 200 ? why.substring(0, 200) : why;
        db.write(c -> {
            update(c, ENSURE_CHANNEL, channel.teamId(), channel.channelId());
            return update(c, "UPDATE channel SET paused_reason = ?, paused_at = ? WHERE team_id = ? AND channel_id = ?",
                    trimmed, at.toEpochMilli(), channel.teamId(), channel.channelId());
        });
    }

    @Override
    public boolean resume(ChannelRef channel) {
        return db.write(c -> update(c, """
                UPDATE channel SET paused_reason = NULL, paused_at = NULL
                WHERE team_id = ? AND channel_id = ? AND paused_reason IS NOT NULL
                """, channel.teamId(), channel.channelId())) > 0;
    }

    @Override
    public int pauseWorkspace(String teamId, String reason, Instant at) {
        String team = ChannelRef.requireId(teamId, "team id");
        String why = Objects.requireNonNull(reason, "reason");
        String trimmed = why.length() > 200 ? why.substring(0, 200) : why;
        return db.write(c -> update(c, """
                UPDATE channel SET paused_reason = ?, paused_at = ?
                WHERE team_id = ? AND paused_reason IS NULL
                """, trimmed, at.toEpochMilli(), team));
    }

    @Override
    public int resumeWorkspace(String teamId, Set<String> reasons) {
        String team = ChannelRef.requireId(teamId, "team id");
        if (reasons.isEmpty()) {
            return 0;
        }
        List<Object> params = new ArrayList<>();
        params.add(team);
        params.addAll(reasons.stream().sorted().toList());
        String placeholders = String.join(", ", Collections.nCopies(reasons.size(), "?"));
        return db.write(c -> update(c, """
                UPDATE channel SET paused_reason = NULL, paused_at = NULL
                WHERE team_id = ? AND paused_reason IN (%s)
                """.formatted(placeholders), params.toArray()));
    }

    @Override
    public List<ChannelSettings> subscribedChannels(String teamId) {
        String team = ChannelRef.requireId(teamId, "team id");
        return db.read(c -> query(c, SUBSCRIBED_CHANNELS + " AND c.team_id = ? ORDER BY c.channel_id",
                JdbcSubscriptionStore::settingsRow, team));
    }

    @Override
    public List<ChannelSettings> allSubscribedChannels() {
        return db.read(c -> query(c, SUBSCRIBED_CHANNELS + " ORDER BY c.team_id, c.channel_id",
                JdbcSubscriptionStore::settingsRow));
    }

    private static ChannelSettings settingsRow(ResultSet rs) throws SQLException {
        String reason = rs.getString("paused_reason");
        Optional<ChannelSettings.Pause> pause = reason == null
                ? Optional.empty()
                : Optional.of(new ChannelSettings.Pause(reason, Instant.ofEpochMilli(rs.getLong("paused_at"))));
        return new ChannelSettings(
                new ChannelRef(rs.getString("team_id"), rs.getString("channel_id")),
                LocalTime.parse(rs.getString("digest_time")),
                ZoneId.of(rs.getString("time_zone")),
                rs.getBoolean("quiet_on_empty"),
                pause,
                rs.getLong("topics_version"));
    }
}
