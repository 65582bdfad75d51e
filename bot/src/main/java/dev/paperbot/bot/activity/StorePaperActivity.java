package dev.paperbot.bot.activity;

import dev.paperbot.bot.subscription.Requester;
import dev.paperbot.core.paper.PaperId;
import dev.paperbot.core.store.ChannelRef;
import dev.paperbot.core.store.Feedback;
import dev.paperbot.core.store.FeedbackStore;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Activity kept in the store's feedback table, so it survives restarts and is shared by every bot process. */
final class StorePaperActivity implements PaperActivity {

    /** How many of a user's own dismissals are left out of their results. */
    private static final int MAX_OWN_DISMISSALS = 1000;

    private final FeedbackStore feedback;
    private final Clock clock;

    StorePaperActivity(FeedbackStore feedback, Clock clock) {
        this.feedback = feedback;
        this.clock = clock;
    }

    @Override
    public void record(Requester who, PaperId paper, Kind kind) {
        feedback.record(new Feedback(channel(who), who.userId(), paper, toStore(kind), clock.instant()));
    }

    @Override
    public List<Entry> recentSavedOrShared(String teamId, String userId, int limit) {
        return feedback.recentByUser(teamId, userId, Set.of(Feedback.Kind.SAVE, Feedback.Kind.SHARE), limit).stream()
                .map(f -> new Entry(f.channel().teamId(), f.userId(), f.channel().channelId(), f.paperId(),
                        f.kind() == Feedback.Kind.SHARE ? Kind.SHARED : Kind.SAVED, f.at()))
                .toList();
    }

    @Override
    public Set<PaperId> notInterested(Requester who) {
        Set<PaperId> out = new HashSet<>(feedback.dismissed(channel(who)));
        feedback.recentByUser(who.teamId(), who.userId(), Set.of(Feedback.Kind.NOT_INTERESTED), MAX_OWN_DISMISSALS)
                .forEach(f -> out.add(f.paperId()));
        return out;
    }

    /** Buttons come from a channel; without one (never expected) the user's own id stands in for it. */
    private static ChannelRef channel(Requester who) {
        return ChannelRef.of(who.teamId(), who.channelId() != null ? who.channelId() : who.userId());
    }

    private static Feedback.Kind toStore(Kind kind) {
        return switch (kind) {
            case SAVED -> Feedback.Kind.SAVE;
            case SHARED -> Feedback.Kind.SHARE;
            case NOT_INTERESTED -> Feedback.Kind.NOT_INTERESTED;
        };
    }
}
