package dev.paperbot.bot.schedule;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;

/**
 * When a channel's digest is due, DST included. The rules, chosen deliberately:
 * <ul>
 *   <li>a local time that does not exist that day (the clocks jump from 02:00 to 03:00 and the digest is set to
 *       02:30) is moved forward by the length of the gap: 03:30, half an hour after the jump, as late as it
 *       "would have been";</li>
 *   <li>a local time that happens twice (the clocks go back from 03:00 to 02:00 and the digest is set to 02:30) is
 *       its first occurrence; the claim of the channel-day keeps the second from posting again.</li>
 * </ul>
 */
public final class DigestTimes {

    private DigestTimes() {
    }

    public static Instant dueAt(LocalDate day, LocalTime time, ZoneId zone) {
        LocalDateTime local = LocalDateTime.of(day, time);
        ZoneOffsetTransition gap = zone.getRules().getTransition(local);
        if (gap != null && gap.isGap()) {
            return local.plus(gap.getDuration()).atOffset(gap.getOffsetAfter()).toInstant();
        }
        // In an overlap atZone picks the earlier offset, i.e. the first occurrence.
        return local.atZone(zone).toInstant();
    }

    /** The channel's local date at an instant. */
    public static LocalDate localDay(Instant now, ZoneId zone) {
        return now.atZone(zone).toLocalDate();
    }
}
