package dev.paperbot.index.source.arxiv;

import dev.paperbot.index.source.http.FetchException;
import dev.paperbot.index.source.http.PoliteHttpClient;
import dev.paperbot.index.source.ingest.HighWaterMarks;
import dev.paperbot.index.source.ingest.IngestItem;
import dev.paperbot.index.source.ingest.IngestSummary;
import dev.paperbot.index.source.ingest.PaperUpdater;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Harvests arXiv's OAI-PMH endpoint ({@code ListRecords}, {@code metadataPrefix=arXiv}) set by set, following
 * resumption tokens page by page. Incremental: each set's high-water mark (the date of the last complete harvest)
 * is the next {@code from}; it moves only when a harvest reached its last page. Every page is written with one
 * atomic upsert, so an interrupted harvest keeps the pages it finished and the next run repeats the rest.
 * The client's pacing and {@code Retry-After} handling keep to the endpoint's throttling.
 */
public final class ArxivOai {

    public static final String DEFAULT_BASE_URL = "https://oaipmh.arxiv.org/oai";
    /** Without a mark or {@code --from}, a first harvest looks back this many days rather than at all of arXiv. */
    public static final int FIRST_HARVEST_DAYS = 7;

    private final PoliteHttpClient http;
    private final String baseUrl;
    private final HighWaterMarks marks;
    private final Clock clock;

    public ArxivOai(PoliteHttpClient http, String baseUrl, HighWaterMarks marks, Clock clock) {
        this.http = Objects.requireNonNull(http, "http");
        this.baseUrl = ArxivRss.stripSlash(Objects.requireNonNullElse(baseUrl, DEFAULT_BASE_URL));
        this.marks = Objects.requireNonNull(marks, "marks");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * The OAI set of a category or set name: {@code cs.LG -> cs:cs:LG}, {@code stat.ML -> stat:stat:ML},
     * {@code hep-th -> physics:hep-th}, {@code cs -> cs}; a set spec ({@code cs:cs:LG}) is kept as it is. Both are
     * checked against arXiv's taxonomy and come back in its spelling ({@code cs.lg -> cs:cs:LG}).
     *
     * @throws IllegalArgumentException naming the unknown category or set
     */
    public static String setSpec(String categoryOrSet) {
        String s = categoryOrSet.strip();
        if (s.contains(":")) {
            return checkedSet(s);
        }
        String category = ArxivCategories.categoryOrArchive(s);
        String group = ArxivCategories.group(category);
        int dot = category.indexOf('.');
        if (dot < 0) {
            return group.equals(category) ? category : group + ":" + category;
        }
        return group + ":" + category.substring(0, dot) + ":" + category.substring(dot + 1);
    }

    /** {@code group[:archive[:subject]]}, each part known and in its place. */
    private static String checkedSet(String set) {
        String[] parts = set.split(":", -1);
        String problem = "'" + set + "' is not an arXiv OAI set (such as cs:cs:LG or physics:hep-th)";
        if (parts.length > 3 || !ArxivCategories.isGroup(parts[0])) {
            throw new IllegalArgumentException(problem);
        }
        String group = parts[0].toLowerCase(Locale.ROOT);
        if (parts.length == 1) {
            return group;
        }
        try {
            String archive = ArxivCategories.archive(parts[1]);
            if (!ArxivCategories.group(archive).equals(group)) {
                throw new IllegalArgumentException(archive + " is in the " + ArxivCategories.group(archive)
                        + " group");
            }
            if (parts.length == 2) {
                return group + ":" + archive;
            }
            String category = ArxivCategories.categoryOrArchive(archive + "." + parts[2]);
            return group + ":" + archive + ":" + category.substring(archive.length() + 1);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(problem + ": " + e.getMessage());
        }
    }

    /**
     * Harvests each set from {@code from} (or its mark) up to {@code until} (or today). The marks move only for
     * open-ended harvests ({@code until} empty) that completed.
     */
    public IngestSummary harvest(List<String> setsOrCategories, Optional<LocalDate> from, Optional<LocalDate> until,
                                 PaperUpdater updater) throws InterruptedException {
        List<String> sets = setsOrCategories.stream().map(ArxivOai::setSpec).toList();
        if (sets.isEmpty()) {
            throw new IllegalArgumentException("give at least one arXiv category or OAI set, such as cs.LG");
        }
        IngestSummary total = new IngestSummary("arxiv-oai");
        for (String set : sets) {
            total.addAll(harvestSet(set, from, until, updater));
        }
        return total;
    }

    private IngestSummary harvestSet(String set, Optional<LocalDate> from, Optional<LocalDate> until,
                                     PaperUpdater updater) throws InterruptedException {
        IngestSummary summary = new IngestSummary("arxiv-oai");
        String markKey = "oai." + set;
        LocalDate start = from.or(() -> marks.get(markKey))
                .orElseGet(() -> LocalDate.now(clock).minusDays(FIRST_HARVEST_DAYS));
        StringBuilder first = new StringBuilder(baseUrl).append("?verb=ListRecords&metadataPrefix=arXiv")
                .append("&set=").append(encode(set)).append("&from=").append(start);
        until.ifPresent(u -> first.append("&until=").append(u));
        URI uri = URI.create(first.toString());
        Set<String> tokensSeen = new HashSet<>();
        Optional<LocalDate> harvestDate = Optional.empty();
        int pages = 0;
        while (true) {
            OaiPageParser.Page page;
            try {
                page = http.get(uri, new OaiPageParser());
            } catch (FetchException e) {
                summary.fail(set + ": " + e.getMessage() + "; the mark stays at " + start);
                return summary;
            }
            pages++;
            if (harvestDate.isEmpty()) {
                harvestDate = Optional.of(page.responseDate().orElseGet(() -> LocalDate.now(clock)));
            }
            if (page.errorCode() != null) {
                if (page.errorCode().equals("noRecordsMatch")) {
                    summary.note(set + ": no records changed since " + start);
                    break;
                }
                summary.fail(set + ": OAI-PMH error " + page.errorCode() + ": " + page.errorMessage()
                        + (page.errorCode().equals("badResumptionToken")
                        ? " (tokens expire daily; the next run starts again from " + start + ")" : ""));
                return summary;
            }
            List<IngestItem> batch = new ArrayList<>();
            for (OaiPageParser.Record record : page.records()) {
                if (record.paper() == null) {
                    summary.skip(record.where(), record.problem());
                } else {
                    batch.add(new IngestItem(record.paper(), kind(record.paper(), start), record.where()));
                }
            }
            updater.apply(batch, summary);
            if (!page.hasMore()) {
                break;
            }
            if (!tokensSeen.add(page.resumptionToken())) {
                summary.fail(set + ": the server repeated resumption token " + page.resumptionToken());
                return summary;
            }
            uri = URI.create(baseUrl + "?verb=ListRecords&resumptionToken=" + encode(page.resumptionToken()));
        }
        if (until.isEmpty()) {
            LocalDate mark = harvestDate.orElse(start);
            marks.put(markKey, mark);
            summary.note(set + ": " + pages + " page(s) from " + start + "; next harvest starts at " + mark);
        } else {
            summary.note(set + ": " + pages + " page(s) from " + start + " until " + until.get()
                    + " (a bounded harvest does not move the mark)");
        }
        return summary;
    }

    /**
     * A harvest also returns old papers whose metadata changed (a new version, a new DOI): those created before the
     * harvest window are historical, not new announcements.
     */
    private static IngestItem.Kind kind(dev.paperbot.core.paper.Paper paper, LocalDate start) {
        LocalDate created = paper.published();
        return created != null && created.isBefore(start.minusDays(1)) ? IngestItem.Kind.HISTORICAL
                : IngestItem.Kind.NEW;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
