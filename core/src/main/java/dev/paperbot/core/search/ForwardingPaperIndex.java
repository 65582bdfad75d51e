package dev.paperbot.core.search;

import dev.paperbot.core.paper.Paper;
import dev.paperbot.core.paper.PaperId;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A {@link PaperIndex} that passes every call on to another, {@link #explain} and {@link #close} included; a
 * wrapper extends it and overrides only what it adds (counting, timing, waiting).
 */
public abstract class ForwardingPaperIndex implements PaperIndex {

    private final PaperIndex delegate;

    protected ForwardingPaperIndex(PaperIndex delegate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    protected final PaperIndex delegate() {
        return delegate;
    }

    @Override
    public SearchResults search(SearchQuery query) {
        return delegate.search(query);
    }

    @Override
    public List<SearchHit> explain(SearchQuery query, List<SearchHit> hits) {
        return delegate.explain(query, hits);
    }

    @Override
    public List<SearchHit> similar(PaperId id, int limit, Set<PaperId> excluded) {
        return delegate.similar(id, limit, excluded);
    }

    @Override
    public Optional<Paper> find(PaperId id) {
        return delegate.find(id);
    }

    @Override
    public UpsertSummary upsert(Collection<Paper> papers) {
        return delegate.upsert(papers);
    }

    @Override
    public long size() {
        return delegate.size();
    }

    @Override
    public void close() {
        delegate.close();
    }
}
