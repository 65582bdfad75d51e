package dev.paperbot.bot.schedule;

import dev.paperbot.bot.config.IngestSchedule;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.function.Predicate;

/** When scheduled ingestion runs: the configured days and time, in the schedule's zone. */
public final class IngestTimes {

    private IngestTimes() {
    }

    /** The next run strictly after {@code now}; DST gaps move the time forward as {@link ZonedDateTime} does. */
    public static Instant next(IngestSchedule schedule, Instant now) {
        return find(schedule, now, 1, t -> t.isAfter(now));
    }

    /** The latest run at or before {@code now}: the one a bot that was down then has missed. */
    public static Instant latest(IngestSchedule schedule, Instant now) {
        return find(schedule, now, -1, t -> !t.isAfter(now));
    }

    /** Walks day by day from {@code now}'s day in direction {@code step}; a week always holds a scheduled day. */
    private static Instant find(IngestSchedule schedule, Instant now, int step, Predicate<Instant> wanted) {
        LocalDate today = now.atZone(schedule.zone()).toLocalDate();
        for (int days = 0; days <= 7; days++) {
            ZonedDateTime candidate = today.plusDays((long) step * days).atTime(schedule.at()).atZone(schedule.zone());
            if (wanted.test(candidate.toInstant()) && schedule.days().contains(candidate.getDayOfWeek())) {
                return candidate.toInstant();
            }
        }
        throw new IllegalStateException("no ingestion day in " + schedule.days());
    }
}
