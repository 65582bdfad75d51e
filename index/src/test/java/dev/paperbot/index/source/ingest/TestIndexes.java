package dev.paperbot.index.source.ingest;

import dev.paperbot.core.paper.PaperId;
import dev.paperbot.index.search.IndexSettings;
import dev.paperbot.index.search.IndexedPaper;
import dev.paperbot.index.search.LuceneIndex;
import dev.paperbot.index.search.PaperIndexes;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;

/** Real Lucene indexes in memory for the source tests, with a clock the test moves. */
public final class TestIndexes {

    private TestIndexes() {
    }

    /** A clock that stays where the test puts it. */
    public static final class MovableClock extends Clock {
        private volatile Instant now;

        public MovableClock(Instant start) {
            this.now = start;
        }

        public void set(Instant instant) {
            now = instant;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    public static LuceneIndex inMemory(Clock clock) {
        return PaperIndexes.inMemory(IndexSettings.defaults(), clock);
    }

    public static Optional<Instant> addedAt(LuceneIndex index, PaperId id) {
        return index.indexed(id).map(IndexedPaper::addedAt);
    }
}
