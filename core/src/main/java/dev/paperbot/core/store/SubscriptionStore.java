package dev.paperbot.core.store;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

/** A channel's topics and digest settings. Every method is scoped to one workspace through its {@link ChannelRef}. */
public interface SubscriptionStore {

    /** Most topics one channel may follow; more make a digest nobody reads. */
    int MAX_TOPICS_PER_CHANNEL = 25;

    /**
     * Follows a topic. Returns false when the channel already follows it (same {@link Topic#key()}); throws
     * {@link IllegalStateException} when the channel already has {@link #MAX_TOPICS_PER_CHANNEL} topics.
     */
    boolean subscribe(ChannelRef channel, Topic topic, String userId, Instant at);

    /** Stops following a topic; false when the channel did not follow it. */
    boolean unsubscribe(ChannelRef channel, Topic topic);

    /** Stops following every topic; returns how many there were. */
    int unsubscribeAll(ChannelRef channel);

    /** The channel's topics, oldest first. */
    List<Subscription> subscriptions(ChannelRef channel);

    /** The channel's settings, or {@link ChannelSettings#defaults} when it has none. */
    ChannelSettings settings(ChannelRef channel);

    void setDigestTime(ChannelRef channel, LocalTime time, ZoneId zone);

    void setQuietOnEmpty(ChannelRef channel, boolean quiet);

    /** Pauses the channel's digest, keeping the reason to show in {@code topics}. */
    void pause(ChannelRef channel, String reason, Instant at);

    /** Resumes a paused digest; false when it was not paused. */
    boolean resume(ChannelRef channel);

    /**
     * Pauses the digest of every channel of one workspace that is not paused yet (the app was uninstalled there, or
     * its token revoked); returns how many channels were paused.
     */
    int pauseWorkspace(String teamId, String reason, Instant at);

    /**
     * Resumes the digests of one workspace's channels that were paused for one of {@code reasons} (the app was
     * installed again); channels paused for anything else stay paused. Returns how many were resumed.
     */
    int resumeWorkspace(String teamId, Set<String> reasons);

    /** The settings of every channel of one workspace that follows at least one topic. */
    List<ChannelSettings> subscribedChannels(String teamId);

    /**
     * The settings of every channel, in every workspace, that follows at least one topic. Only the scheduler, which
     * serves all workspaces, calls this; nothing a user types reaches it.
     */
    List<ChannelSettings> allSubscribedChannels();
}
