package dev.paperbot.index.source.http;

import java.time.Duration;

/**
 * Waits. Injected so that tests of throttling and {@code Retry-After} run instantly and can see every wait.
 */
@FunctionalInterface
public interface Pause {

    void sleep(Duration duration) throws InterruptedException;

    /** Really waits. */
    static Pause real() {
        return duration -> {
            if (duration.isPositive()) {
                Thread.sleep(duration);
            }
        };
    }
}
