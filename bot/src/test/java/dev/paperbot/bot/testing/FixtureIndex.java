package dev.paperbot.bot.testing;

import dev.paperbot.core.paper.Paper;
import dev.paperbot.core.paper.PaperId;
import dev.paperbot.core.search.PaperIndex;
import dev.paperbot.core.search.SearchHit;
import dev.paperbot.core.search.SearchQuery;
import dev.paperbot.core.search.SearchResults;
import dev.paperbot.core.search.Snippet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A tiny in-memory {@link PaperIndex} for tests of the Slack layer that need exact control over papers (hostile
 * titles, many authors) or timing ({@link #slow(Duration)}); end-to-end tests use the real Lucene index.
 * Matches papers that contain every query word in title or abstract, in insertion order.
 */
public final class FixtureIndex implements PaperIndex {

    private final Map<PaperId, Paper> papers = new LinkedHashMap<>();
    private volatile Duration delay = Duration.ZERO;

    public FixtureIndex(Collection<Paper> papers) {
        upsert(papers);
    }

    /** Every search waits this long first (to push answers past the ack budget). */
    public FixtureIndex slow(Duration d) {
        this.delay = d;
        return this;
    }

    @Override
    public synchronized SearchResults search(SearchQuery query) {
        pause();
        List<String> words = List.of(query.text().toLowerCase(Locale.ROOT).split("\\W+")).stream()
                .filter(w -> !w.isBlank()).toList();
        List<SearchHit> hits = new ArrayList<>();
        for (Paper p : papers.values()) {
            String text = (p.title() + " " + p.abstractText()).toLowerCase(Locale.ROOT);
            if (!words.isEmpty() && words.stream().allMatch(text::contains) && !query.excluded().contains(p.id())) {
                hits.add(new SearchHit(p, 1.0, snippet(p.abstractText(), words), words, false));
            }
        }
        int from = Math.min(query.offset(), hits.size());
        int to = Math.min(hits.size(), from + query.limit());
        return new SearchResults(hits.subList(from, to), hits.size(), Optional.empty());
    }

    private static Snippet snippet(String text, List<String> words) {
        List<Snippet.Fragment> fragments = new ArrayList<>();
        for (String token : text.split("(?<=\\s)|(?=\\s)")) {
            boolean hit = words.contains(token.toLowerCase(Locale.ROOT).replaceAll("\\W", ""));
            fragments.add(new Snippet.Fragment(token, hit));
        }
        return new Snippet(fragments);
    }

    @Override
    public synchronized List<SearchHit> similar(PaperId id, int limit, Set<PaperId> excluded) {
        pause();
        return papers.values().stream().filter(p -> !p.id().equals(id) && !excluded.contains(p.id())).limit(limit)
                .map(p -> new SearchHit(p, 0.5, Snippet.empty(), List.of(), true)).toList();
    }

    @Override
    public synchronized Optional<Paper> find(PaperId id) {
        return Optional.ofNullable(papers.get(id));
    }

    @Override
    public synchronized UpsertSummary upsert(Collection<Paper> batch) {
        int added = 0;
        int replaced = 0;
        for (Paper p : batch) {
            if (papers.put(p.id(), p) == null) {
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
    public void close() {
    }

    private void pause() {
        if (!delay.isZero()) {
            try {
                Thread.sleep(delay);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
