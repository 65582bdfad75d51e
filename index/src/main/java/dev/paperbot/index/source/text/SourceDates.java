package dev.paperbot.index.source.text;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.SignStyle;
import java.time.temporal.ChronoField;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Parses the dates that paper sources write: RFC 822 in RSS ({@code Fri, 23 Aug 2024 00:00:00 -0400}) and in the
 * Kaggle snapshot's {@code versions[].created} ({@code Sat, 31 Mar 2007 02:26:18 GMT}), ISO 8601 in Atom, OAI-PMH
 * and JSON ({@code 2019-11-27T16:52:52Z}, {@code 2003-07-07T13:46:39-04:00}, {@code 2025-11-17}).
 *
 * <p>A date-time becomes the calendar date in its own offset, the date the source shows its readers.
 */
public final class SourceDates {

    /** RFC 822/1123 with an optional day name, one- or two-digit day, numeric offset or a zone name. */
    private static final DateTimeFormatter RFC_822 = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .parseLenient()
            .optionalStart().appendPattern("EEE").appendLiteral(", ").optionalEnd()
            .appendValue(ChronoField.DAY_OF_MONTH, 1, 2, SignStyle.NOT_NEGATIVE)
            .appendLiteral(' ')
            .appendPattern("MMM")
            .appendLiteral(' ')
            .appendValue(ChronoField.YEAR, 4)
            .appendLiteral(' ')
            .appendPattern("HH:mm")
            .optionalStart().appendPattern(":ss").optionalEnd()
            .appendLiteral(' ')
            .appendOffset("+HHMM", "GMT")
            .toFormatter(Locale.ROOT);

    /** Zone names RFC 822 allows besides numeric offsets. */
    private static final Map<String, String> ZONE_NAMES = Map.of(
            "UT", "+0000", "UTC", "+0000", "EST", "-0500", "EDT", "-0400", "CST", "-0600",
            "CDT", "-0500", "MST", "-0700", "MDT", "-0600", "PST", "-0800", "PDT", "-0700");

    private SourceDates() {
    }

    /** An RFC 822 date-time as written in RSS and the Kaggle snapshot. */
    public static Optional<OffsetDateTime> rfc822(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String t = text.strip().replaceAll("\\s+", " ");
        int lastSpace = t.lastIndexOf(' ');
        if (lastSpace > 0) {
            String zone = t.substring(lastSpace + 1).toUpperCase(Locale.ROOT);
            String offset = ZONE_NAMES.get(zone);
            if (offset != null) {
                t = t.substring(0, lastSpace + 1) + offset;
            }
        }
        try {
            return Optional.of(OffsetDateTime.parse(t, RFC_822));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /** The calendar date of an RFC 822 date-time, in its own offset. */
    public static Optional<LocalDate> rfc822Date(String text) {
        LocalDate quick = quickDate(text);
        return quick != null ? Optional.of(quick) : rfc822(text).map(OffsetDateTime::toLocalDate);
    }

    private static final String MONTHS = "JanFebMarAprMayJunJulAugSepOctNovDec";

    /**
     * The common shape {@code Sat, 31 Mar 2007 02:26:18 GMT} (every Kaggle version date) read directly, as the
     * formatter is slow for millions of lines; anything else returns null and goes through the formatter.
     */
    private static LocalDate quickDate(String t) {
        if (t == null || t.length() < 16 || t.charAt(3) != ',' || t.charAt(4) != ' ') {
            return null;
        }
        int i = 5;
        int day = 0;
        int digits = 0;
        while (i < t.length() && Character.isDigit(t.charAt(i)) && digits < 2) {
            day = day * 10 + (t.charAt(i++) - '0');
            digits++;
        }
        if (digits == 0 || i + 9 > t.length() || t.charAt(i) != ' ' || t.charAt(i + 4) != ' ') {
            return null;
        }
        int month = MONTHS.indexOf(t.substring(i + 1, i + 4));
        if (month < 0 || month % 3 != 0) {
            return null;
        }
        int year = 0;
        for (int k = i + 5; k < i + 9; k++) {
            char c = t.charAt(k);
            if (c < '0' || c > '9') {
                return null;
            }
            year = year * 10 + (c - '0');
        }
        // The time of day and offset only matter near midnight in a non-UTC zone; leave those to the formatter.
        if (!t.endsWith(" GMT") && !t.endsWith(" +0000") && !t.endsWith(" UT") && !t.endsWith(" UTC")) {
            return null;
        }
        try {
            return LocalDate.of(year, month / 3 + 1, day);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** An ISO 8601 date or date-time ({@code 2025-11-17}, {@code 2019-11-27T16:52:52Z}, with fraction or offset). */
    public static Optional<LocalDate> isoDate(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String t = text.strip();
        try {
            if (t.length() == 10) {
                return Optional.of(LocalDate.parse(t));
            }
            return Optional.of(OffsetDateTime.parse(t).toLocalDate());
        } catch (DateTimeException e) {
            try {
                // A date-time without offset (seen in some JSON): the date as written.
                return Optional.of(java.time.LocalDateTime.parse(t).toLocalDate());
            } catch (DateTimeException again) {
                return Optional.empty();
            }
        }
    }
}
