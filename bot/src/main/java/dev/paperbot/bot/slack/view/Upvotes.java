package dev.paperbot.bot.slack.view;

import dev.paperbot.core.paper.PaperId;
import dev.paperbot.core.recommend.Pick;
import dev.paperbot.core.search.PopularitySignals;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalInt;

/**
 * The upvotes (Hugging Face's daily papers) of the papers one message shows, looked up for those papers only: one
 * doc-values read per shown paper, never one per search candidate. A paper without a signal shows no upvotes line.
 *
 * @param byPaper each shown paper's upvotes; papers without a signal are absent
 */
public record Upvotes(Map<PaperId, Integer> byPaper) {

    /** No upvotes to show. */
    public static final Upvotes NONE = new Upvotes(Map.of());

    public Upvotes {
        byPaper = Map.copyOf(byPaper);
    }

    /** The signals of the papers about to be shown. */
    public static Upvotes lookup(PopularitySignals signals, Collection<PaperId> shown) {
        Map<PaperId, Integer> found = new HashMap<>();
        for (PaperId id : shown) {
            signals.popularity(id).ifPresent(p -> found.put(id, p.upvotes()));
        }
        return new Upvotes(found);
    }

    public OptionalInt of(PaperId id) {
        Integer n = byPaper.get(id);
        return n == null ? OptionalInt.empty() : OptionalInt.of(n);
    }

    /** {@code ▲ 123 upvotes on Hugging Face}: the line under a paper (plain text, nothing to escape). */
    static String line(int upvotes) {
        return "\u25B2 " + Pick.upvotes(upvotes);
    }
}
