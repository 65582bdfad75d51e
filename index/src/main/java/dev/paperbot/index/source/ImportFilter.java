package dev.paperbot.index.source;

import dev.paperbot.index.source.arxiv.ArxivCategories;
import java.time.LocalDate;
import java.util.List;

/**
 * Which papers of a file to import: by category and by first-publication date. Without categories every category
 * passes; without dates every date (and a paper without a date) passes.
 *
 * @param categories exact categories ({@code cs.LG}), prefixes ending in a dot ({@code cs.}), or whole archives
 *                   ({@code cs} = {@code cs} and {@code cs.*}); a paper passes when any of its categories matches
 * @param since      first day included, or null
 * @param until      last day included, or null
 */
public record ImportFilter(List<String> categories, LocalDate since, LocalDate until) {

    /** Checks each category against arXiv's taxonomy and keeps it in arXiv's spelling ({@code CS.lg -> cs.LG}). */
    public ImportFilter {
        categories = categories == null ? List.of() : categories.stream().map(ImportFilter::checked).toList();
        if (since != null && until != null && until.isBefore(since)) {
            throw new IllegalArgumentException("--until " + until + " is before --since " + since);
        }
    }

    private static String checked(String category) {
        String c = category.strip();
        if (!c.endsWith(".")) {
            return ArxivCategories.categoryOrArchive(c);
        }
        try {
            return ArxivCategories.archive(c.substring(0, c.length() - 1)) + ".";
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + c + "' is not a prefix of arXiv categories: " + e.getMessage());
        }
    }

    public static ImportFilter none() {
        return new ImportFilter(List.of(), null, null);
    }

    public boolean isEmpty() {
        return categories.isEmpty() && since == null && until == null;
    }

    /** True when some category of the paper matches (always, without category filters). */
    public boolean acceptsCategories(List<String> paperCategories) {
        if (categories.isEmpty()) {
            return true;
        }
        for (String have : paperCategories) {
            for (String want : categories) {
                if (matches(want, have)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** True when the date is in range (always without date filters; never for an unknown date with them). */
    public boolean acceptsDate(LocalDate date) {
        if (since == null && until == null) {
            return true;
        }
        return date != null && (since == null || !date.isBefore(since)) && (until == null || !date.isAfter(until));
    }

    private static boolean matches(String want, String have) {
        if (want.endsWith(".")) {
            return have.regionMatches(true, 0, want, 0, want.length());
        }
        if (have.equalsIgnoreCase(want)) {
            return true;
        }
        // A bare archive (cs, math, hep-th) also covers its subject classes.
        return want.indexOf('.') < 0 && have.length() > want.length() && have.charAt(want.length()) == '.'
                && have.regionMatches(true, 0, want, 0, want.length());
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        if (!categories.isEmpty()) {
            sb.append("categories ").append(String.join(",", categories));
        }
        if (since != null || until != null) {
            sb.append(sb.isEmpty() ? "" : ", ").append("published ")
                    .append(since == null ? "" : "from " + since)
                    .append(since != null && until != null ? " " : "")
                    .append(until == null ? "" : "until " + until);
        }
        return sb.isEmpty() ? "no filter" : sb.toString();
    }
}
