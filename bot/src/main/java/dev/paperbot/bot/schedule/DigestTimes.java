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
 *   <li>a day's digest is owed once its time has come, to a channel that followed topics by then: a channel that
 *       subscribes after its digest time gets its first digest the next day (or at once with {@code digest now});
 *       a bot that was down at digest time posts it late, as soon as it is back the same local day.</li>
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

    /**
     * Whether the digest of local {@code day} is owed at {@code now} to a channel that has followed topics since
     * {@code followingSince} (its oldest subscription).
     */
    public static boolean owed(LocalDate day, LocalTime time, ZoneId zone, Instant followingSince, Instant now) {
        Instant due = dueAt(day, time, zone);
        return !now.isBefore(due) && !followingSince.isAfter(due);
    }

    /**
     * When the channel's next scheduled digest goes out: {@code now} when today's is owed and not done yet, today's
     * time when it is still to come, else tomorrow's.
     */
    public static Instant next(Instant now, LocalTime time, ZoneId zone, Instant followingSince, boolean todayDone) {
        LocalDate today = localDay(now, zone);
        Instant due = dueAt(today, time, zone);
        if (!todayDone && !followingSince.isAfter(due)) {
            return now.isBefore(due) ? due : now;
        }
        return dueAt(today.plusDays(1), time, zone);
    }

    /** The channel's local date at an instant. */
    public static LocalDate localDay(Instant now, ZoneId zone) {
        return now.atZone(zone).toLocalDate();
    }
}
