package dev.paperbot.index.search;

import java.time.Instant;

/**
 * How a bulk load behaves.
 *
 * @param commitEvery   papers between commits: a crash loses at most this many (and never breaks the index)
 * @param ramBufferMb   indexing buffer; larger means fewer, larger segments and a faster load
 * @param uniqueIds     the caller guarantees that no id repeats in this load; into an empty index the loader then
 *                      adds without looking ids up at all
 * @param addedAt       when the new papers count as added (null: the start of the load); a historical import can
 *                      give an old instant so that daily digests do not take it for new papers
 */
public record BulkOptions(int commitEvery, int ramBufferMb, boolean uniqueIds, Instant addedAt) {

    public BulkOptions {
        if (commitEvery < 1) {
            throw new IllegalArgumentException("commitEvery must be positive, was " + commitEvery);
        }
        if (ramBufferMb < 16 || ramBufferMb > 2048) {
            throw new IllegalArgumentException("ramBufferMb must be between 16 and 2048, was " + ramBufferMb);
        }
    }

    public static BulkOptions defaults() {
        return new BulkOptions(200_000, 256, false, null);
    }

    public BulkOptions withUniqueIds(boolean unique) {
        return new BulkOptions(commitEvery, ramBufferMb, unique, addedAt);
    }

    public BulkOptions withCommitEvery(int papers) {
        return new BulkOptions(papers, ramBufferMb, uniqueIds, addedAt);
    }

    public BulkOptions withAddedAt(Instant instant) {
        return new BulkOptions(commitEvery, ramBufferMb, uniqueIds, instant);
    }
}
