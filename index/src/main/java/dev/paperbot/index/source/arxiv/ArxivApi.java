package dev.paperbot.index.source.arxiv;

import dev.paperbot.core.paper.PaperId;
import dev.paperbot.index.source.http.FetchException;
import dev.paperbot.index.source.http.PoliteHttpClient;
import dev.paperbot.index.source.ingest.IngestItem;
import dev.paperbot.index.source.ingest.IngestSummary;
import dev.paperbot.index.source.ingest.PaperUpdater;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The arXiv API ({@code <base>/api/query}): looks up given ids ({@code id_list}, in chunks) and back-fills a topic
 * ({@code search_query}, newest first, page by page up to a limit). The client keeps arXiv's requested pause of
 * three seconds between calls.
 */
public final class ArxivApi {

    public static final String DEFAULT_BASE_URL = "https://export.arxiv.org";
    /** Ids per {@code id_list} request; keeps the URL short. */
    static final int IDS_PER_REQUEST = 100;
    /** The API's own ceiling for one page. */
    public static final int MAX_PAGE_SIZE = 2000;
    /** A {@code cat:} term of a search query; its value ends at a space, parenthesis, quote or '+'. */
    private static final Pattern CATEGORY_TERM = Pattern.compile("(?i)(?<![\\w.:-])cat:([^\\s()\"+]+)");

    private final PoliteHttpClient http;
    private final String baseUrl;
    private final int pageSize;

    public ArxivApi(PoliteHttpClient http, String baseUrl, int pageSize) {
        this.http = Objects.requireNonNull(http, "http");
        this.baseUrl = ArxivRss.stripSlash(Objects.requireNonNullElse(baseUrl, DEFAULT_BASE_URL));
        if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("page size must be between 1 and " + MAX_PAGE_SIZE + ", was " + pageSize);
        }
        this.pageSize = pageSize;
    }

    /** Fetches the given papers (any id spelling; versions are dropped) and adds or updates them. */
    public IngestSummary lookup(List<String> rawIds, PaperUpdater updater) throws InterruptedException {
        IngestSummary summary = new IngestSummary("arxiv-api");
        Set<String> ids = new LinkedHashSet<>();
        for (String raw : rawIds) {
            PaperId.arxiv(raw).ifPresentOrElse(id -> ids.add(id.value()),
                    () -> summary.skip("'" + raw + "'", "not an arXiv id"));
        }
        List<String> all = List.copyOf(ids);
        for (int from = 0; from < all.size(); from += IDS_PER_REQUEST) {
            List<String> chunk = all.subList(from, Math.min(all.size(), from + IDS_PER_REQUEST));
            URI uri = URI.create(baseUrl + "/api/query?id_list=" + encode(String.join(",", chunk))
                    + "&start=0&max_results=" + chunk.size());
            if (!fetchPage(uri, updater, summary).ok) {
                break;
            }
        }
        return summary;
    }

    /**
     * Back-fills papers matching an arXiv query ({@code cat:cs.LG}, {@code all:"graph neural"}), newest submission
     * first, until {@code max} papers or the end of the results.
     */
    public IngestSummary backfill(String query, int max, PaperUpdater updater) throws InterruptedException {
        query = checkedQuery(query);
        if (max < 1) {
            throw new IllegalArgumentException("--max must be positive, was " + max);
        }
        IngestSummary summary = new IngestSummary("arxiv-api");
        int start = 0;
        while (start < max) {
            int size = Math.min(pageSize, max - start);
            URI uri = URI.create(baseUrl + "/api/query?search_query=" + encode(query)
                    + "&sortBy=submittedDate&sortOrder=descending&start=" + start + "&max_results=" + size);
            PageResult page = fetchPage(uri, updater, summary);
            if (!page.ok || page.entries == 0) {
                break;
            }
            start += page.entries;
            if (page.total >= 0 && start >= page.total) {
                break;
            }
        }
        summary.note("query " + query + ": " + start + " entries read");
        return summary;
    }

    /**
     * The query with the category of each {@code cat:} term checked and in arXiv's spelling ({@code cat:cs.lg ->
     * cat:cs.LG}); {@code cat:cs.*} takes a whole archive, and other wildcards are left to the API.
     *
     * @throws IllegalArgumentException for a blank query or an unknown category, naming it
     */
    public static String checkedQuery(String query) {
        if (query == null || query.isBlank()) {
            throw new IllegalArgumentException("give a query, such as cat:cs.LG");
        }
        Matcher term = CATEGORY_TERM.matcher(query);
        StringBuilder checked = new StringBuilder();
        while (term.find()) {
            String value = term.group(1);
            String category = value.endsWith(".*") && value.indexOf('*') == value.length() - 1
                    ? ArxivCategories.archive(value.substring(0, value.length() - 2)) + ".*"
                    : value.contains("*") ? value : ArxivCategories.categoryOrArchive(value);
            term.appendReplacement(checked, Matcher.quoteReplacement(
                    query.substring(term.start(), term.start(1)) + category));
        }
        term.appendTail(checked);
        return checked.toString();
    }

    private record PageResult(boolean ok, int entries, long total) {
    }

    private PageResult fetchPage(URI uri, PaperUpdater updater, IngestSummary summary) throws InterruptedException {
        AtomFeedParser.Feed feed;
        try {
            feed = http.get(uri, new AtomFeedParser());
        } catch (FetchException e) {
            summary.fail(e.getMessage());
            return new PageResult(false, 0, -1);
        }
        if (feed.apiError().isPresent()) {
            summary.fail("the arXiv API refused the query: " + feed.apiError().get());
            return new PageResult(false, 0, -1);
        }
        List<IngestItem> batch = new ArrayList<>();
        for (AtomFeedParser.Entry entry : feed.entries()) {
            if (entry.paper() == null) {
                summary.skip("entry " + entry.position(), entry.problem());
            } else {
                // Looked up or back-filled, not announced: historical, so digests do not take them for new.
                batch.add(new IngestItem(entry.paper(), IngestItem.Kind.HISTORICAL, entry.paper().id().value()));
            }
        }
        updater.apply(batch, summary);
        return new PageResult(true, feed.entries().size(), feed.totalResults());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
