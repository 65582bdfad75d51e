package dev.paperbot.index.search;

/**
 * How far the index is with embedding its papers.
 *
 * @param model     the embedding model
 * @param papers    papers in the index
 * @param pending   papers still waiting for their vector
 * @param embedded  papers embedded by this process since it opened the index
 * @param perSecond recent embedding rate (papers a second), 0 when idle
 */
public record EmbeddingProgress(String model, long papers, long pending, long embedded, double perSecond) {

    /** True when every paper has its vector: searches then combine words and meaning. */
    public boolean complete() {
        return pending == 0;
    }

    /** One line for logs and health checks. */
    public String describe() {
        if (complete()) {
            return "all " + papers + " papers embedded (" + model + ")";
        }
        String rate = perSecond > 0 ? String.format(java.util.Locale.ROOT, ", %.1f/s, about %s left", perSecond,
                duration(Math.round(pending / perSecond))) : "";
        return (papers - pending) + " of " + papers + " papers embedded (" + model + rate
                + "); searching by words only until done";
    }

    private static String duration(long seconds) {
        if (seconds < 90) {
            return seconds + " s";
        }
        if (seconds < 90 * 60) {
            return Math.round(seconds / 60.0) + " min";
        }
        return String.format(java.util.Locale.ROOT, "%.1f h", seconds / 3600.0);
    }
}
