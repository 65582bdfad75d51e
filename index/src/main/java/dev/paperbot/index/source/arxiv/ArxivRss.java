package dev.paperbot.index.source.arxiv;

import dev.paperbot.index.source.http.FetchException;
import dev.paperbot.index.source.http.PoliteHttpClient;
import dev.paperbot.index.source.ingest.IngestItem;
import dev.paperbot.index.source.ingest.IngestSummary;
import dev.paperbot.index.source.ingest.PaperUpdater;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Ingests a day's announcements from arXiv's RSS feeds ({@code <base>/rss/<category>}). New papers and cross-lists
 * enter the index; replacements (new versions) only update papers the index already holds, so a replacement never
 * looks like a new paper to the digest. Feeds are empty on Saturdays and Sundays.
 */
public final class ArxivRss {

    public static final String DEFAULT_BASE_URL = "https://rss.arxiv.org";

    private final PoliteHttpClient http;
    private final String baseUrl;

    public ArxivRss(PoliteHttpClient http, String baseUrl) {
        this.http = Objects.requireNonNull(http, "http");
        this.baseUrl = stripSlash(Objects.requireNonNullElse(baseUrl, DEFAULT_BASE_URL));
    }

    /**
     * Checks categories (or whole archives, such as {@code math}) before any request, with a message that names the
     * unknown one; returns them in arXiv's spelling ({@code cs.lg -> cs.LG}).
     */
    public static List<String> validCategories(List<String> categories) {
        if (categories.isEmpty()) {
            throw new IllegalArgumentException("give at least one arXiv category, such as cs.LG");
        }
        return categories.stream().map(ArxivCategories::categoryOrArchive).toList();
    }

    /**
     * Fetches each category's feed (one request each, paced by the client) and applies them as one batch, so a
     * paper that is new in one category and a cross-list in another counts once.
     */
    public IngestSummary ingest(List<String> categories, PaperUpdater updater) throws InterruptedException {
        IngestSummary summary = new IngestSummary("arxiv-rss");
        List<IngestItem> batch = new ArrayList<>();
        int replacements = 0;
        int crossLists = 0;
        for (String category : validCategories(categories)) {
            URI uri = URI.create(baseUrl + "/rss/" + category);
            RssFeedParser.Feed feed;
            try {
                feed = http.get(uri, new RssFeedParser());
            } catch (FetchException e) {
                summary.fail(e.getMessage());
                continue;
            }
            if (feed.items().isEmpty()) {
                summary.note(category + ": the feed has no items (arXiv announces nothing on Saturdays, Sundays"
                        + " and holidays)");
                continue;
            }
            for (RssFeedParser.Item item : feed.items()) {
                String where = category + " item " + item.position();
                if (item.paper() == null) {
                    summary.skip(where, item.problem());
                    continue;
                }
                if (item.type().isReplacement()) {
                    replacements++;
                } else if (item.type() == AnnounceType.CROSS) {
                    crossLists++;
                }
                batch.add(new IngestItem(item.paper(),
                        item.type().isReplacement() ? IngestItem.Kind.UPDATE_ONLY : IngestItem.Kind.NEW,
                        where + " (" + item.paper().id() + ", " + item.type().label() + ")"));
            }
        }
        updater.apply(batch, summary);
        if (!batch.isEmpty()) {
            summary.note(batch.size() + " items: " + (batch.size() - replacements - crossLists) + " new, "
                    + crossLists + " cross-lists, " + replacements + " replacements");
        }
        return summary;
    }

    static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
