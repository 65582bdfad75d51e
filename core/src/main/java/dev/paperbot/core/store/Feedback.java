package dev.paperbot.core.store;

import dev.paperbot.core.paper.PaperId;
import java.time.Instant;
import java.util.Objects;

/**
 * One person's reaction to one paper, in the channel where they saw it.
 *
 * @param channel the channel (for a DM or an ephemeral result, the channel where the command ran)
 * @param userId  the Slack user
 * @param paperId the paper
 * @param kind    what they did
 * @param at      when
 */
public record Feedback(ChannelRef channel, String userId, PaperId paperId, Kind kind, Instant at) {

    public enum Kind {
        /** "Not interested": the paper never comes back to this channel. */
        NOT_INTERESTED,
        LIKE,
        SAVE,
        SHARE
    }

    public Feedback {
        Objects.requireNonNull(channel, "channel");
        userId = ChannelRef.requireId(userId, "user id");
        Objects.requireNonNull(paperId, "paperId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(at, "at");
    }
}
