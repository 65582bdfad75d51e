package dev.paperbot.index.source.ingest;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one ingestion run did: papers added, updated (a known paper changed), unchanged (seen again, nothing new),
 * and skipped records with where they were (line number, item or id) and why. Also popularity signals recorded and
 * free-text notes (an empty weekend feed, the high-water mark moved, ...).
 *
 * <p>Mutable and meant for one run on one thread; {@link #render()} prints it for the CLI and the logs.
 */
public final class IngestSummary {

    /** A record that was not ingested. */
    public record Skip(String where, String reason) {
    }

    /** How many skips are kept with their details; the rest are only counted by reason. */
    static final int DETAILS_KEPT = 50;

    private final String source;
    private long added;
    private long updated;
    private long unchanged;
    private long signals;
    private long skippedTotal;
    private final List<Skip> skipDetails = new ArrayList<>();
    private final Map<String, Long> skipsByReason = new TreeMap<>();
    private final List<String> notes = new ArrayList<>();
    private final List<String> failures = new ArrayList<>();

    public IngestSummary(String source) {
        this.source = source;
    }

    public String source() {
        return source;
    }

    public void added(long n) {
        added += n;
    }

    public void updated(long n) {
        updated += n;
    }

    public void unchanged(long n) {
        unchanged += n;
    }

    public void signals(long n) {
        signals += n;
    }

    public void skip(String where, String reason) {
        skippedTotal++;
        skipsByReason.merge(reason, 1L, Long::sum);
        if (skipDetails.size() < DETAILS_KEPT) {
            skipDetails.add(new Skip(where, reason));
        }
    }

    public void note(String note) {
        notes.add(note);
    }

    /** A part of the run that failed for good (a feed that could not be fetched); the run goes on without it. */
    public void fail(String message) {
        failures.add(message);
    }

    public boolean failed() {
        return !failures.isEmpty();
    }

    public List<String> failures() {
        return List.copyOf(failures);
    }

    public long added() {
        return added;
    }

    public long updated() {
        return updated;
    }

    public long unchanged() {
        return unchanged;
    }

    public long skipped() {
        return skippedTotal;
    }

    public long signals() {
        return signals;
    }

    /** The first skips, with where and why. */
    public List<Skip> skipDetails() {
        return Collections.unmodifiableList(skipDetails);
    }

    public Map<String, Long> skipsByReason() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(skipsByReason));
    }

    public List<String> notes() {
        return List.copyOf(notes);
    }

    /** Adds another run's counts to this one (several sets or days in one command). */
    public void addAll(IngestSummary other) {
        added += other.added;
        updated += other.updated;
        unchanged += other.unchanged;
        signals += other.signals;
        skippedTotal += other.skippedTotal;
        other.skipsByReason.forEach((reason, n) -> skipsByReason.merge(reason, n, Long::sum));
        for (Skip s : other.skipDetails) {
            if (skipDetails.size() < DETAILS_KEPT) {
                skipDetails.add(s);
            }
        }
        notes.addAll(other.notes);
        failures.addAll(other.failures);
    }

    /** One line: {@code arxiv-rss: 12 added, 3 updated, 40 unchanged, 2 skipped}. */
    public String line() {
        return source + ": " + added + " added, " + updated + " updated, " + unchanged + " unchanged, "
                + skippedTotal + " skipped" + (signals > 0 ? ", " + signals + " popularity signals" : "");
    }

    /** The line, then skips by reason, the first skips in detail, and the notes. */
    public String render() {
        StringBuilder sb = new StringBuilder(line()).append('\n');
        skipsByReason.forEach((reason, n) -> sb.append("  skipped ").append(n).append(": ").append(reason).append('\n'));
        for (Skip s : skipDetails) {
            sb.append("    ").append(s.where()).append(": ").append(s.reason()).append('\n');
        }
        if (skippedTotal > skipDetails.size()) {
            sb.append("    ... and ").append(skippedTotal - skipDetails.size()).append(" more\n");
        }
        notes.forEach(n -> sb.append("  ").append(n).append('\n'));
        failures.forEach(f -> sb.append("  FAILED: ").append(f).append('\n'));
        return sb.toString();
    }

    @Override
    public String toString() {
        return line();
    }
}
