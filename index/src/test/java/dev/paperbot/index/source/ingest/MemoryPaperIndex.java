package dev.paperbot.index.source.ingest;

import dev.paperbot.core.paper.Paper;
import dev.paperbot.core.paper.PaperId;
import dev.paperbot.core.paper.Popularity;
import dev.paperbot.core.search.PaperIndex;
import dev.paperbot.core.search.PopularitySignals;
import dev.paperbot.core.search.SearchHit;
import dev.paperbot.core.search.SearchQuery;
import dev.paperbot.core.search.SearchResults;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The index port's contract for find/upsert/size, in memory, with the instant each paper was first added (kept on
 * replacement, as the Lucene index does). Search is not needed by the source tests.
 */
public final class MemoryPaperIndex implements PaperIndex, PopularitySignals {

    private final Map<PaperId, Popularity> popularity = new LinkedHashMap<>();

    private final Map<PaperId, Paper> papers = new LinkedHashMap<>();
    private final Map<PaperId, Instant> added = new LinkedHashMap<>();
    private int upserts;
    private Instant now = Instant.parse("2025-09-18T00:00:00Z");

    public void setNow(Instant instant) {
        now = instant;
    }

    public Optional<Instant> addedAt(PaperId id) {
        return Optional.ofNullable(added.get(id));
    }

    public int upserts() {
        return upserts;
    }

    @Override
    public SearchResults search(SearchQuery query) {
        throw new UnsupportedOperationException("not needed by source tests");
    }

    @Override
    public List<SearchHit> similar(PaperId id, int limit, Set<PaperId> excluded) {
        throw new UnsupportedOperationException("not needed by source tests");
    }

    @Override
    public synchronized Optional<Paper> find(PaperId id) {
        return Optional.ofNullable(papers.get(id));
    }

    @Override
    public synchronized UpsertSummary upsert(Collection<Paper> batch) {
        upserts++;
        int a = 0;
        int r = 0;
        for (Paper p : batch) {
            if (papers.put(p.id(), p) == null) {
                a++;
                added.put(p.id(), now);
            } else {
                r++;
            }
        }
        return new UpsertSummary(a, r);
    }

    @Override
    public synchronized long size() {
        return papers.size();
    }

    @Override
    public synchronized int recordPopularity(Collection<Popularity> signals) {
        int n = 0;
        for (Popularity p : signals) {
            if (!papers.containsKey(p.id())) {
                continue;
            }
            Popularity known = popularity.get(p.id());
            if (known == null || !known.day().isAfter(p.day())) {
                popularity.put(p.id(), p);
                n++;
            }
        }
        return n;
    }

    @Override
    public synchronized Optional<Popularity> popularity(PaperId id) {
        return Optional.ofNullable(popularity.get(id));
    }

    @Override
    public synchronized List<Popularity> trending(LocalDate since, int limit) {
        return popularity.values().stream().filter(p -> !p.day().isBefore(since))
                .sorted(Comparator.comparingInt(Popularity::upvotes).reversed()
                        .thenComparing(Popularity::day, Comparator.reverseOrder()))
                .limit(limit).toList();
    }

    @Override
    public void close() {
    }
}
