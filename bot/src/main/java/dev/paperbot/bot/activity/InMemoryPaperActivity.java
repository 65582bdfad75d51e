package dev.paperbot.bot.activity;

import dev.paperbot.bot.subscription.Requester;
import dev.paperbot.core.paper.PaperId;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Keeps activity in memory until the durable store is wired in; lost on restart. */
final class InMemoryPaperActivity implements PaperActivity {

    private final Clock clock;
    private final List<Entry> entries = new ArrayList<>();

    InMemoryPaperActivity(Clock clock) {
        this.clock = clock;
    }

    @Override
    public synchronized void record(Requester who, PaperId paper, Kind kind) {
        entries.removeIf(e -> e.teamId().equals(who.teamId()) && e.userId().equals(who.userId())
                && e.paper().equals(paper) && e.kind() == kind);
        entries.add(new Entry(who.teamId(), who.userId(), who.channelId(), paper, kind, clock.instant()));
    }

    @Override
    public synchronized List<Entry> recentSavedOrShared(String teamId, String userId, int limit) {
        List<Entry> mine = new ArrayList<>();
        for (int i = entries.size() - 1; i >= 0 && mine.size() < limit; i--) {
            Entry e = entries.get(i);
            if (e.teamId().equals(teamId) && e.userId().equals(userId) && e.kind() != Kind.NOT_INTERESTED) {
                mine.add(e);
            }
        }
        mine.sort(Comparator.comparing(Entry::at).reversed());
        return mine;
    }

    @Override
    public synchronized Set<PaperId> notInterested(Requester who) {
        return entries.stream()
                .filter(e -> e.teamId().equals(who.teamId()) && e.kind() == Kind.NOT_INTERESTED
                        && (e.userId().equals(who.userId())
                        || who.channelId() != null && who.channelId().equals(e.channelId())))
                .map(Entry::paper)
                .collect(Collectors.toUnmodifiableSet());
    }
}
