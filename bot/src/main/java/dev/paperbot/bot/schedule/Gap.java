package dev.paperbot.bot.schedule;

import dev.paperbot.bot.config.IngestSchedule;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Optional;

/**
 * What one source missed between its last successful scheduled run and {@code now}, measured in the schedule's
 * times. The days to fetch again start at the last run's day and reach back at most the schedule's catch-up days.
 *
 * @param schedule the schedule (times, zone, catch-up days)
 * @param lastRun  when the source last ran successfully here; empty: never (a new data directory, or one from a
 *                 version that kept no record)
 * @param now      the instant the run stands for
 */
record Gap(IngestSchedule schedule, Optional<Instant> lastRun, Instant now) {

    Gap {
        Objects.requireNonNull(schedule, "schedule");
        Objects.requireNonNull(lastRun, "lastRun");
        Objects.requireNonNull(now, "now");
    }

    /**
     * Whether a scheduled time passed since the last successful run. Without a record, yes: a new install then has
     * the current announcement at once instead of days later, and an index from before records were kept may have
     * missed runs (no record cannot tell the two apart; the cost is one request per feed).
     */
    boolean due() {
        return lastRun.isEmpty() || IngestTimes.latest(schedule, now).isAfter(lastRun.get());
    }

    /**
     * Whether a scheduled time before the latest one passed too. An RSS feed carries only the latest announcement,
     * so the earlier ones are gone from it. Without a record there is no known gap to fill.
     */
    boolean missedEarlierRuns() {
        Instant latest = IngestTimes.latest(schedule, now);
        return lastRun.isPresent() && IngestTimes.latest(schedule, latest.minusNanos(1)).isAfter(lastRun.get());
    }

    /** Today in UTC, the calendar of arXiv's OAI-PMH datestamps and of Hugging Face's daily lists. */
    LocalDate today() {
        return LocalDate.ofInstant(now, ZoneOffset.UTC);
    }

    /** The first day to fetch again: the last run's day, or today without a record; never before the cap. */
    LocalDate since() {
        LocalDate cap = oldestDay();
        return lastRunDay().map(day -> day.isBefore(cap) ? cap : day).orElse(today());
    }

    /** Says so when the last run lies beyond the cap and days between were not fetched again. */
    Optional<String> capNote() {
        return lastRunDay().filter(day -> day.isBefore(oldestDay())).map(day -> "the last successful run was on "
                + day + ", more than " + schedule.catchUpDays() + " days ago (PAPERBOT_INGEST_CATCHUP_DAYS): caught"
                + " up from " + oldestDay() + " only; `bin/paperbot ingest` fetches older days");
    }

    private LocalDate oldestDay() {
        return today().minusDays(schedule.catchUpDays());
    }

    /** The earlier of the run's local and UTC date, so a run on either side of midnight UTC is covered again. */
    private Optional<LocalDate> lastRunDay() {
        return lastRun.map(run -> {
            LocalDate local = LocalDate.ofInstant(run, schedule.zone());
            LocalDate utc = LocalDate.ofInstant(run, ZoneOffset.UTC);
            return local.isBefore(utc) ? local : utc;
        });
    }
}
