package dev.paperbot.index.bench;

import java.util.SplittableRandom;

/**
 * Ranks 0 to n-1 drawn with probability proportional to 1 / (rank + 1)^s: the shape of word frequencies, of how
 * popular research areas are and of how prolific authors are, for generated benchmark data.
 */
public final class Zipf {

    private final double[] cumulative;

    public Zipf(int n, double s) {
        if (n < 1) {
            throw new IllegalArgumentException("n must be at least 1, was " + n);
        }
        cumulative = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += 1 / Math.pow(i + 1, s);
            cumulative[i] = sum;
        }
        for (int i = 0; i < n; i++) {
            cumulative[i] /= sum;
        }
    }

    /** One rank; the same random state gives the same rank. */
    public int sample(SplittableRandom random) {
        double u = random.nextDouble();
        int lo = 0;
        int hi = cumulative.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cumulative[mid] < u) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
