package dev.paperbot.bot.config;

import java.net.URI;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * When and what {@code bin/paperbot serve} ingests by itself. arXiv announces new papers Sunday to Thursday at
 * 20:00 US Eastern; the default fetches the RSS feeds of a few machine-learning categories half an hour later.
 *
 * @param sources    what to ingest: {@code rss}, {@code hf} (Hugging Face daily papers), {@code oai}; empty: off
 * @param categories arXiv categories for rss and oai
 * @param at         local time of day in {@code zone}
 * @param zone       the zone of {@code at}
 * @param days       the days of the week (in {@code zone}) to run on
 * @param catchUpDays how many days back a catch-up after missed runs reaches at most (1..30): the oldest day the
 *                   RSS back-fill through OAI-PMH and the Hugging Face days start from
 * @param rssUrl     arXiv RSS base URL (null: the public one)
 * @param oaiUrl     arXiv OAI-PMH base URL (null: the public one)
 * @param hfUrl      Hugging Face base URL (null: the public one)
 */
public record IngestSchedule(Set<Source> sources, List<String> categories, LocalTime at, ZoneId zone,
        Set<DayOfWeek> days, int catchUpDays, URI rssUrl, URI oaiUrl, URI hfUrl) {

    /** A source the scheduler can run. */
    public enum Source { RSS, HF, OAI }

    /** Machine learning and its neighbours: what scheduled ingestion and {@code paperbot ingest} fetch by default. */
    public static final List<String> DEFAULT_CATEGORIES = List.of("cs.LG", "cs.CL", "cs.AI", "cs.CV", "stat.ML");
    public static final LocalTime DEFAULT_AT = LocalTime.of(20, 30);
    public static final ZoneId DEFAULT_ZONE = ZoneId.of("America/New_York");
    public static final Set<DayOfWeek> ANNOUNCEMENT_DAYS = EnumSet.of(DayOfWeek.SUNDAY, DayOfWeek.MONDAY,
            DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY);
    /** A week: a bot down over a long weekend still gets every announcement back. */
    public static final int DEFAULT_CATCH_UP_DAYS = 7;

    public IngestSchedule {
        // An EnumSet keeps the sources in a fixed order (Set.copyOf would iterate in a per-JVM random order).
        sources = sources.isEmpty() ? Set.of() : java.util.Collections.unmodifiableSet(EnumSet.copyOf(sources));
        categories = List.copyOf(categories);
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(zone, "zone");
        days = days.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(days));
        if (!sources.isEmpty() && days.isEmpty()) {
            throw new ConfigException("PAPERBOT_INGEST_DAYS names no day");
        }
        ConfigException.checkRange("PAPERBOT_INGEST_CATCHUP_DAYS", catchUpDays, 1, 30);
    }

    /** RSS for the default categories, Sunday to Thursday at 20:30 New York time, from the public services. */
    public static IngestSchedule defaults() {
        return new IngestSchedule(Set.of(Source.RSS), DEFAULT_CATEGORIES, DEFAULT_AT, DEFAULT_ZONE,
                ANNOUNCEMENT_DAYS, DEFAULT_CATCH_UP_DAYS, null, null, null);
    }

    public static IngestSchedule off() {
        return new IngestSchedule(Set.of(), DEFAULT_CATEGORIES, DEFAULT_AT, DEFAULT_ZONE, ANNOUNCEMENT_DAYS,
                DEFAULT_CATCH_UP_DAYS, null, null, null);
    }

    public boolean enabled() {
        return !sources.isEmpty();
    }
}
