package dev.paperbot.core.search;

import dev.paperbot.core.paper.PaperId;
import dev.paperbot.core.paper.Popularity;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** The signals of an index that keeps none ({@link PopularitySignals#none()}). */
enum NoPopularitySignals implements PopularitySignals {
    INSTANCE;

    @Override
    public int recordPopularity(Collection<Popularity> signals) {
        return 0;
    }

    @Override
    public Optional<Popularity> popularity(PaperId id) {
        return Optional.empty();
    }

    @Override
    public List<Popularity> trending(LocalDate since, int limit) {
        return List.of();
    }
}
