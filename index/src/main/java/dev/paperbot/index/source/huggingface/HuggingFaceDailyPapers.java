package dev.paperbot.index.source.huggingface;

import dev.paperbot.core.paper.Popularity;
import dev.paperbot.core.search.PopularitySignals;
import dev.paperbot.index.source.http.FetchException;
import dev.paperbot.index.source.http.PoliteHttpClient;
import dev.paperbot.index.source.ingest.IngestItem;
import dev.paperbot.index.source.ingest.IngestSummary;
import dev.paperbot.index.source.ingest.PaperUpdater;
import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Hugging Face's daily papers ({@code <base>/api/daily_papers?date=YYYY-MM-DD}): the arXiv papers the community
 * picked that day, with their upvotes. The papers go into the index like any other source (without wiping the
 * categories arXiv gave them); the upvotes become {@link Popularity} signals for "trending".
 */
public final class HuggingFaceDailyPapers {

    public static final String DEFAULT_BASE_URL = "https://huggingface.co";
    /** A range longer than this is probably a typo; each day is one request. */
    public static final int MAX_DAYS = 366;

    private final PoliteHttpClient http;
    private final String baseUrl;

    public HuggingFaceDailyPapers(PoliteHttpClient http, String baseUrl) {
        this.http = Objects.requireNonNull(http, "http");
        String base = Objects.requireNonNullElse(baseUrl, DEFAULT_BASE_URL);
        this.baseUrl = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    /** Ingests every day from {@code from} to {@code to}, both included. */
    public IngestSummary ingest(LocalDate from, LocalDate to, PaperUpdater updater, PopularitySignals signals)
            throws InterruptedException {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("the range ends (" + to + ") before it starts (" + from + ")");
        }
        if (from.plusDays(MAX_DAYS).isBefore(to)) {
            throw new IllegalArgumentException("at most " + MAX_DAYS + " days at once, asked for " + from + " to " + to);
        }
        IngestSummary summary = new IngestSummary("huggingface");
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            ingestDay(day, updater, signals, summary);
        }
        return summary;
    }

    private void ingestDay(LocalDate day, PaperUpdater updater, PopularitySignals signals, IngestSummary summary)
            throws InterruptedException {
        List<DailyPapersParser.Item> items;
        try {
            items = http.get(URI.create(baseUrl + "/api/daily_papers?date=" + day), new DailyPapersParser());
        } catch (FetchException e) {
            summary.fail(day + ": " + e.getMessage());
            return;
        }
        if (items.isEmpty()) {
            summary.note(day + ": no daily papers");
            return;
        }
        List<IngestItem> batch = new ArrayList<>();
        List<Popularity> popularity = new ArrayList<>();
        for (DailyPapersParser.Item item : items) {
            if (item.paper() == null) {
                summary.skip(day + " item " + item.position(), item.problem());
                continue;
            }
            batch.add(new IngestItem(item.paper(), IngestItem.Kind.NEW, day + " item " + item.position()));
            popularity.add(new Popularity(item.paper().id(), item.upvotes(), day));
        }
        updater.apply(batch, summary);
        // After the papers: a signal only sticks to a paper the index holds.
        summary.signals(signals.recordPopularity(popularity));
    }
}
