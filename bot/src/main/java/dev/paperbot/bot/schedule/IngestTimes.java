package dev.paperbot.bot.schedule;

import dev.paperbot.bot.config.IngestSchedule;
import java.time.Instant;
import java.time.ZonedDateTime;

/** When scheduled ingestion runs next: the first configured day and time, in the schedule's zone, after now. */
public final class IngestTimes {

    private IngestTimes() {
    }

    /** The next run strictly after {@code now}; DST gaps move the time forward as {@link ZonedDateTime} does. */
    public static Instant next(IngestSchedule schedule, Instant now) {
        ZonedDateTime local = now.atZone(schedule.zone());
        for (int days = 0; days <= 7; days++) {
            ZonedDateTime candidate = local.toLocalDate().plusDays(days).atTime(schedule.at()).atZone(schedule.zone());
            if (candidate.toInstant().isAfter(now) && schedule.days().contains(candidate.getDayOfWeek())) {
                return candidate.toInstant();
            }
        }
        throw new IllegalStateException("no ingestion day in " + schedule.days());
    }
}
