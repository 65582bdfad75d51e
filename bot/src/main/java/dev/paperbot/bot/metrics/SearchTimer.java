package dev.paperbot.bot.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Times the searches users wait for as {@code paperbot.search} ({@code paperbot_search_seconds} in Prometheus), by
 * {@code kind} ({@code search}, {@code similar}, {@code trending}), with histogram buckets from 1 ms to 30 s so that
 * {@code histogram_quantile} gives percentiles across replicas.
 */
public final class SearchTimer {

    static final String NAME = "paperbot.search";

    private final MeterRegistry registry;

    public SearchTimer(MeterRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    public <T> T time(String kind, Supplier<T> search) {
        return Timer.builder(NAME).description("Searches users wait for, by kind").tag("kind", kind)
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(30))
                .register(registry)
                .record(search);
    }
}
