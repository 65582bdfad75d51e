package dev.paperbot.index.source;

import java.nio.charset.StandardCharsets;

/**
 * The ids seen so far in one file, as 64-bit hashes in an open-addressing table: about 12 bytes an id, so the
 * whole snapshot (2.7M ids) fits in ~32 MB. Two ids sharing a hash are vanishingly unlikely (~1e-7 for the
 * snapshot); the cost of one would be a paper skipped as a repeat.
 */
final class IdSet {

    private long[] slots = new long[1 << 16];
    private int size;
    private boolean hasZero;

    /** Adds the id; false when it was already there. */
    boolean add(String id) {
        long h = hash(id);
        if (h == 0) {
            boolean added = !hasZero;
            hasZero = true;
            return added;
        }
        if ((size + 1) * 3L > slots.length * 2L) {
            grow();
        }
        return insert(slots, h);
    }

    private boolean insert(long[] table, long h) {
        int mask = table.length - 1;
        for (int i = (int) (h ^ (h >>> 32)) & mask; ; i = (i + 1) & mask) {
            if (table[i] == 0) {
                table[i] = h;
                if (table == slots) {
                    size++;
                }
                return true;
            }
            if (table[i] == h) {
                return false;
            }
        }
    }

    private void grow() {
        long[] old = slots;
        long[] bigger = new long[old.length * 2];
        int mask = bigger.length - 1;
        for (long h : old) {
            if (h != 0) {
                int i = (int) (h ^ (h >>> 32)) & mask;
                while (bigger[i] != 0) {
                    i = (i + 1) & mask;
                }
                bigger[i] = h;
            }
        }
        slots = bigger;
    }

    /** 64-bit FNV-1a over the UTF-8 bytes, then a final mix. */
    private static long hash(String id) {
        long h = 0xcbf29ce484222325L;
        for (byte b : id.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        return h;
    }
}
