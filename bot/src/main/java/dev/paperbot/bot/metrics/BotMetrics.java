package dev.paperbot.bot.metrics;

import io.javalin.config.RoutesConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmInfoMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.List;

/**
 * The running bot's meters: one registry, made here and handed to whatever measures ({@link #registry()}), and
 * {@code GET /metrics}, which serves them in Prometheus' text format. Off ({@code PAPERBOT_METRICS=off}), the
 * registry is an empty composite: every meter is a no-op and there is no route.
 */
public final class BotMetrics implements AutoCloseable {

    public static final String PATH = "/metrics";
    /** Prometheus' text exposition format, which every Prometheus-compatible scraper reads. */
    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final MeterRegistry registry;
    private final PrometheusMeterRegistry prometheus;
    private final JvmGcMetrics gc;

    private BotMetrics(MeterRegistry registry, PrometheusMeterRegistry prometheus, JvmGcMetrics gc) {
        this.registry = registry;
        this.prometheus = prometheus;
        this.gc = gc;
    }

    /** Meters for Prometheus, with the JVM's and the process's own (memory, GC, threads, CPU, uptime, files). */
    public static BotMetrics prometheus() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        // The GC binder listens to the JVM's notifications until closed.
        JvmGcMetrics gc = new JvmGcMetrics();
        List<MeterBinder> binders = List.of(new JvmMemoryMetrics(), gc, new JvmThreadMetrics(),
                new ClassLoaderMetrics(), new JvmInfoMetrics(), new ProcessorMetrics(), new UptimeMetrics(),
                new FileDescriptorMetrics());
        binders.forEach(b -> b.bindTo(registry));
        return new BotMetrics(registry, registry, gc);
    }

    /** Nothing measured, nothing served. */
    public static BotMetrics off() {
        return new BotMetrics(new CompositeMeterRegistry(), null, null);
    }

    public static BotMetrics of(boolean on) {
        return on ? prometheus() : off();
    }

    public MeterRegistry registry() {
        return registry;
    }

    /** Adds {@code GET /metrics} when the meters are on. */
    public void routes(RoutesConfig routes) {
        if (prometheus != null) {
            routes.get(PATH, ctx -> ctx.contentType(CONTENT_TYPE).result(prometheus.scrape()));
        }
    }

    @Override
    public void close() {
        if (gc != null) {
            gc.close();
        }
        registry.close();
    }
}
