package dev.paperbot.core.store;

import java.time.Instant;
import java.util.Objects;

/**
 * A topic a channel follows, with who subscribed it and when.
 *
 * @param channel      the channel
 * @param topic        the topic
 * @param subscribedBy the Slack user id of who subscribed it
 * @param subscribedAt when
 */
public record Subscription(ChannelRef channel, Topic topic, String subscribedBy, Instant subscribedAt) {

    public Subscription {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(subscribedBy, "subscribedBy");
        Objects.requireNonNull(subscribedAt, "subscribedAt");
    }
}
