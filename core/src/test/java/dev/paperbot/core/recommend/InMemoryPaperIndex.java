package dev.paperbot.core.recommend;

import dev.paperbot.core.paper.Paper;
import dev.paperbot.core.paper.PaperId;
import dev.paperbot.core.paper.Popularity;
import dev.paperbot.core.search.PaperIndex;
import dev.paperbot.core.search.PopularitySignals;
import dev.paperbot.core.search.SearchHit;
import dev.paperbot.core.search.SearchQuery;
import dev.paperbot.core.search.SearchResults;
import dev.paperbot.core.search.Snippet;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small but real {@link PaperIndex} for core's tests (core has no Lucene): scores by how often the query's words
 * occur in title (twice) and abstract, honours {@code excluded}, {@code addedAfter} and author queries; keeps
 * popularity signals as the port says (latest day wins, unknown papers ignored).
 */
final class InMemoryPaperIndex implements PaperIndex, PopularitySignals {

    private record Entry(Paper paper, Instant addedAt) {
    }

    private final Map<PaperId, Entry> papers = new LinkedHashMap<>();
    private final Map<PaperId, Popularity> popularity = new LinkedHashMap<>();
    /** Calls of {@link #trending}: each is a scan of every signal in a real index. */
    final AtomicInteger trendingScans = new AtomicInteger();
    private final Clock clock;
    final AtomicInteger searches = new AtomicInteger();
    /** Hits given to {@link #explain}. */
    final AtomicInteger explained = new AtomicInteger();

    InMemoryPaperIndex(Clock clock) {
        this.clock = clock;
    }

    @Override
    public synchronized SearchResults search(SearchQuery q) {
        searches.incrementAndGet();
        List<String> words = words(q.text());
        List<SearchHit> hits = new ArrayList<>();
        for (Entry e : papers.values()) {
            if (q.excluded().contains(e.paper().id())
                    || (q.addedAfter() != null && !e.addedAt().isAfter(q.addedAfter()))) {
                continue;
            }
            if (q.field() == SearchQuery.Field.AUTHORS) {
                String name = q.text().strip().toLowerCase(Locale.ROOT);
                if (e.paper().authors().stream().anyMatch(a -> a.toLowerCase(Locale.ROOT).equals(name))) {
                    hits.add(new SearchHit(e.paper(), 1.0, Snippet.empty(), List.of(q.text().strip()), false));
                }
                continue;
            }
            double score = 0;
            List<String> matched = new ArrayList<>();
            for (String w : words) {
                int inTitle = count(words(e.paper().title()), w);
                int inAbstract = count(words(e.paper().abstractText()), w);
                if (inTitle + inAbstract > 0) {
                    matched.add(w);
                    score += 2 * inTitle + inAbstract;
                }
            }
            if (score > 0) {
                hits.add(new SearchHit(e.paper(), score, Snippet.plain(e.paper().title()), matched, false));
            }
        }
        hits.sort(Comparator.comparingDouble(SearchHit::score).reversed()
                .thenComparing(h -> h.paper().id()));
        List<SearchHit> page = hits.stream().skip(q.offset()).limit(q.limit())
                .map(h -> q.snippets() ? h : new SearchHit(h.paper(), h.score(), Snippet.empty(), List.of(),
                        h.semantic()))
                .toList();
        return new SearchResults(page, hits.size(), Optional.empty());
    }

    /** Snippet and matched words as a search with snippets gives them. */
    @Override
    public synchronized List<SearchHit> explain(SearchQuery q, List<SearchHit> hits) {
        explained.addAndGet(hits.size());
        List<String> words = words(q.text());
        List<SearchHit> out = new ArrayList<>(hits.size());
        for (SearchHit h : hits) {
            Paper p = h.paper();
            List<String> matched = q.field() == SearchQuery.Field.AUTHORS ? List.of(q.text().strip())
                    : words.stream().filter(w -> words(p.title()).contains(w) || words(p.abstractText()).contains(w))
                            .toList();
            Snippet snippet = q.field() == SearchQuery.Field.AUTHORS ? Snippet.empty() : Snippet.plain(p.title());
            out.add(new SearchHit(p, h.score(), snippet, matched, h.semantic()));
        }
        return out;
    }

    private static List<String> words(String text) {
        return List.of(text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")).stream()
                .filter(w -> !w.isEmpty()).toList();
    }

    private static int count(List<String> words, String w) {
        int n = 0;
        for (String x : words) {
            n += x.equals(w) ? 1 : 0;
        }
        return n;
    }

    @Override
    public List<SearchHit> similar(PaperId id, int limit, Set<PaperId> excluded) {
        return List.of();
    }

    @Override
    public synchronized Optional<Paper> find(PaperId id) {
        return Optional.ofNullable(papers.get(id)).map(Entry::paper);
    }

    @Override
    public synchronized UpsertSummary upsert(Collection<Paper> batch) {
        int added = 0;
        int replaced = 0;
        for (Paper p : batch) {
            Entry old = papers.put(p.id(), new Entry(p, clock.instant()));
            if (old == null) {
                added++;
            } else {
                replaced++;
            }
        }
        return new UpsertSummary(added, replaced);
    }

    @Override
    public synchronized long size() {
        return papers.size();
    }

    @Override
    public synchronized int recordPopularity(Collection<Popularity> signals) {
        int recorded = 0;
        for (Popularity p : signals) {
            Popularity known = popularity.get(p.id());
            if (papers.containsKey(p.id()) && (known == null || !known.day().isAfter(p.day()))) {
                popularity.put(p.id(), p);
                recorded++;
            }
        }
        return recorded;
    }

    @Override
    public synchronized Optional<Popularity> popularity(PaperId id) {
        return Optional.ofNullable(popularity.get(id));
    }

    @Override
    public synchronized List<Popularity> trending(LocalDate since, int limit) {
        trendingScans.incrementAndGet();
        return popularity.values().stream().filter(p -> !p.day().isBefore(since))
                .sorted(Comparator.comparingInt(Popularity::upvotes).thenComparing(Popularity::day).reversed())
                .limit(limit).toList();
    }

    @Override
    public void close() {
    }
}
