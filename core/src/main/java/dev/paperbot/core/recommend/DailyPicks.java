package dev.paperbot.core.recommend;

import dev.paperbot.core.paper.PaperId;
import dev.paperbot.core.store.ChannelRef;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * A channel's papers for one local day, grouped by topic in the order the channel subscribed them.
 *
 * @param channel       the channel
 * @param day           the channel's local date
 * @param zone          the channel's time zone when the picks were computed (the cache expires at its midnight)
 * @param picks         the papers, topic by topic; empty on a day without new papers
 * @param windowStart   only papers added to the index after this instant were considered
 * @param papersAsOf    the index was searched at (or after) this instant: the next digest's window starts here, so
 *                      a paper added later is never missed
 * @param topicsVersion the channel's topics version the picks were computed for
 */
public record DailyPicks(
        ChannelRef channel,
        LocalDate day,
        ZoneId zone,
        List<Pick> picks,
        Instant windowStart,
        Instant papersAsOf,
        long topicsVersion) {

    public DailyPicks {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(zone, "zone");
        picks = List.copyOf(picks);
        Objects.requireNonNull(windowStart, "windowStart");
        Objects.requireNonNull(papersAsOf, "papersAsOf");
    }

    public boolean isEmpty() {
        return picks.isEmpty();
    }

    public List<PaperId> paperIds() {
        return picks.stream().map(p -> p.paper().id()).toList();
    }
}
