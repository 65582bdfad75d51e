package dev.paperbot.core.testing;

import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/** One controllable time source that is both the clock and Caffeine's ticker, so they never disagree. */
public final class FakeTime extends Clock implements Ticker {

    private final AtomicLong nanos;

    public FakeTime(Instant start) {
        this.nanos = new AtomicLong(start.getEpochSecond() * 1_000_000_000L + start.getNano());
    }

    public void advance(Duration d) {
        nanos.addAndGet(d.toNanos());
    }

    public void set(Instant t) {
        long target = t.getEpochSecond() * 1_000_000_000L + t.getNano();
        if (target < nanos.get()) {
            throw new IllegalArgumentException("time only moves forward");
        }
        nanos.set(target);
    }

    @Override
    public long read() {
        return nanos.get();
    }

    @Override
    public Instant instant() {
        long n = nanos.get();
        return Instant.ofEpochSecond(Math.floorDiv(n, 1_000_000_000L), Math.floorMod(n, 1_000_000_000L));
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("tests use instants");
    }
}
