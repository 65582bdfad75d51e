package dev.paperbot.index.bench;

import dev.paperbot.core.paper.Paper;
import dev.paperbot.core.paper.PaperId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;

/**
 * Generated papers for scale benchmarks: words drawn from the word frequencies of a sample of real abstracts (a
 * unigram model, so term frequencies follow the real, Zipf-like shape), titles of 8-14 words, abstracts of
 * 120-250 words. Every term is common compared with real text (a small vocabulary spread over many papers), which
 * makes retrieval slower than on real abstracts: a pessimistic benchmark. Deterministic for a seed.
 */
public final class SyntheticCorpus implements Iterable<Paper> {

    private final String[] words;
    private final long[] cumulative;
    private final long total;
    private final long size;
    private final long seed;

    public SyntheticCorpus(List<Paper> sample, long size, long seed) {
        Map<String, Long> counts = new HashMap<>();
        for (Paper p : sample) {
            for (String w : (p.title() + " " + p.abstractText()).split("[^\\p{L}\\p{N}-]+")) {
                if (!w.isEmpty()) {
                    counts.merge(w.toLowerCase(Locale.ROOT), 1L, Long::sum);
                }
            }
        }
        List<Map.Entry<String, Long>> entries = new ArrayList<>(counts.entrySet());
        entries.sort(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
        this.words = new String[entries.size()];
        this.cumulative = new long[entries.size()];
        long sum = 0;
        for (int i = 0; i < entries.size(); i++) {
            words[i] = entries.get(i).getKey();
            sum += entries.get(i).getValue();
            cumulative[i] = sum;
        }
        this.total = sum;
        this.size = size;
        this.seed = seed;
    }

    /** Queries of 1 to 5 words, drawn like the text but skipping the 100 most frequent words (mostly stop words). */
    public List<String> queries(int count) {
        SplittableRandom random = new SplittableRandom(seed + 1);
        List<String> queries = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int length = 1 + random.nextInt(5);
            StringBuilder q = new StringBuilder();
            while (length > 0) {
                int w = word(random);
                if (w >= 100) {
                    q.append(q.isEmpty() ? "" : " ").append(words[w]);
                    length--;
                }
            }
            queries.add(q.toString());
        }
        return queries;
    }

    @Override
    public Iterator<Paper> iterator() {
        SplittableRandom random = new SplittableRandom(seed);
        return new Iterator<>() {
            private long next;

            @Override
            public boolean hasNext() {
                return next < size;
            }

            @Override
            public Paper next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                long n = next++;
                return Paper.of(new PaperId("syn-" + n), text(random, 8 + random.nextInt(7)),
                        text(random, 120 + random.nextInt(131)));
            }
        };
    }

    private String text(SplittableRandom random, int length) {
        StringBuilder sb = new StringBuilder(length * 8);
        for (int i = 0; i < length; i++) {
            sb.append(i == 0 ? "" : " ").append(words[word(random)]);
        }
        return sb.toString();
    }

    private int word(SplittableRandom random) {
        long r = random.nextLong(total);
        int i = java.util.Arrays.binarySearch(cumulative, r + 1);
        return i >= 0 ? i : -i - 1;
    }
}
