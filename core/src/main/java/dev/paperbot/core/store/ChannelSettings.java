package dev.paperbot.core.store;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;

/**
 * How and when a channel gets its digest.
 *
 * @param channel       the channel
 * @param digestTime    local time of the daily digest
 * @param zone          the channel's IANA time zone
 * @param quietOnEmpty  true: post nothing on a day without new papers; false: post one short line
 * @param pause         why the digest is paused (a permanent Slack error), or empty when it runs
 * @param topicsVersion bumped on every topic change; cached picks computed for an older version are stale
 */
public record ChannelSettings(
        ChannelRef channel,
        LocalTime digestTime,
        ZoneId zone,
        boolean quietOnEmpty,
        Optional<Pause> pause,
        long topicsVersion) {

    public static final LocalTime DEFAULT_DIGEST_TIME = LocalTime.of(9, 0);
    public static final ZoneId DEFAULT_ZONE = ZoneId.of("UTC");

    public ChannelSettings {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(digestTime, "digestTime");
        Objects.requireNonNull(zone, "zone");
        pause = pause == null ? Optional.empty() : pause;
    }

    /** The settings of a channel nobody configured: 09:00 UTC, one short line on empty days, running. */
    public static ChannelSettings defaults(ChannelRef channel) {
        return new ChannelSettings(channel, DEFAULT_DIGEST_TIME, DEFAULT_ZONE, false, Optional.empty(), 0);
    }

    public boolean paused() {
        return pause.isPresent();
    }

    /** Why and since when a channel's digest is paused. */
    public record Pause(String reason, Instant since) {
        public Pause {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(since, "since");
        }
    }
}
