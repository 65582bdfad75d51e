package dev.paperbot.core.recommend;

import dev.paperbot.core.store.ChannelRef;
import java.time.LocalDate;

/** Chooses a channel's papers for a local day. Thread-safe. */
public interface Recommender {

    /**
     * The channel's picks for its local {@code day}: for each topic the best papers added since the channel's
     * previous digest (at most the configured window back), none the channel was already posted or dismissed,
     * no near-copies, each with its reason. A channel without topics gets empty picks.
     */
    DailyPicks picks(ChannelRef channel, LocalDate day);

    /** Forgets whatever this recommender keeps about the channel (its topics changed). */
    default void invalidate(ChannelRef channel) {
    }
}
