package dev.paperbot.bot.digest;

import dev.paperbot.bot.slack.view.DigestView;
import dev.paperbot.bot.slack.view.Upvotes;
import dev.paperbot.core.paper.PaperId;
import dev.paperbot.core.recommend.DailyPicks;
import dev.paperbot.core.recommend.Pick;
import dev.paperbot.core.search.PopularitySignals;
import dev.paperbot.core.search.SearchHit;
import dev.paperbot.core.store.Topic;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;

/**
 * A day's picks as the messages of its digest, rendered by the Slack views ({@link DigestView}, which cuts them by
 * the papers alone, so re-rendering a recorded intent gives the same messages) with a marker in each message's
 * first block. Trending picks go under the trending section with their upvotes as the reason; the other picks show
 * their upvotes too when they have some (looked up for the picked papers only).
 */
public final class DigestMessages {

    static final String EMPTY_LINE = DigestView.NOTHING_NEW;

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMMM yyyy", Locale.ENGLISH);

    private DigestMessages() {
    }

    static String marker(LocalDate day, int part) {
        return "paperbot-digest:" + day + ":" + part;
    }

    /** The messages of a digest, in order; one short message on an empty day. */
    public static List<DigestMessage> render(DailyPicks picks, PopularitySignals signals) {
        List<Pick> all = picks.picks();
        Upvotes upvotes = Upvotes.lookup(signals, all.stream().filter(p -> !trending(p))
                .map(p -> p.paper().id()).toList());
        List<DigestView.Item> items = all.stream().map(p -> item(p, upvotes)).toList();
        List<DigestView.Part> parts = DigestView.parts("Papers for " + DAY.format(picks.day()), items,
                part -> marker(picks.day(), part));
        List<DigestMessage> messages = new ArrayList<>(parts.size());
        int from = 0;
        for (int i = 0; i < parts.size(); i++) {
            DigestView.Part part = parts.get(i);
            List<PaperId> ids = all.subList(from, from + part.papers()).stream().map(p -> p.paper().id()).toList();
            messages.add(new DigestMessage(marker(picks.day(), i + 1), part.message().text(), part.message().blocks(),
                    ids));
            from += part.papers();
        }
        return messages;
    }

    private static DigestView.Item item(Pick pick, Upvotes upvotes) {
        SearchHit hit = new SearchHit(pick.paper(), pick.score(), pick.snippet(), pick.matchedTerms(), false);
        if (trending(pick)) {
            // Its upvotes are the reason it is here: the upvotes line says it, and "for trending" would add nothing.
            return new DigestView.Item(hit, null, OptionalInt.of((int) pick.score()), true);
        }
        String why = "for " + pick.topic().display()
                + (pick.matchedTerms().isEmpty() ? "" : " (matched: " + String.join(", ", pick.matchedTerms()) + ")");
        return new DigestView.Item(hit, why, upvotes.of(pick.paper().id()), false);
    }

    private static boolean trending(Pick pick) {
        return pick.topic().kind() == Topic.Kind.TRENDING;
    }
}
