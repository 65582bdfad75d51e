package dev.paperbot.core.store;

import dev.paperbot.core.paper.PaperId;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/** People's reactions to papers. Scoped to one workspace through {@link ChannelRef} or a team id. */
public interface FeedbackStore {

    /**
     * Records a reaction; recording the same (channel, user, paper, kind) again only moves its time. Returns true the
     * first time.
     */
    boolean record(Feedback feedback);

    /** Takes a reaction back (an "unsave"); false when there was none. */
    boolean retract(ChannelRef channel, String userId, PaperId paperId, Feedback.Kind kind);

    /** Papers anyone dismissed ({@code Not interested}) in this channel: they never come back to it. */
    Set<PaperId> dismissed(ChannelRef channel);

    /** The channel's reactions since an instant, newest first (for feedback-aware ranking). */
    List<Feedback> forChannel(ChannelRef channel, Instant since);

    /** One user's most recent reactions of the given kinds in their workspace, newest first (for the App Home). */
    List<Feedback> recentByUser(String teamId, String userId, Set<Feedback.Kind> kinds, int limit);
}
