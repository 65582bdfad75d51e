package dev.paperbot.bot.activity;

import dev.paperbot.bot.subscription.Requester;
import dev.paperbot.core.paper.PaperId;
import dev.paperbot.core.store.FeedbackStore;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What users did with papers from the buttons: {@code Not interested} (feedback the recommender must honour),
 * {@code Save} and {@code Share to channel} (listed on the App Home). {@link #store} keeps it in the durable
 * store's feedback; {@link #inMemory} for the life of the process.
 */
public interface PaperActivity {

    /** Kinds of things a user does with a paper. */
    enum Kind { SAVED, SHARED, NOT_INTERESTED }

    /** One recorded action. */
    record Entry(String teamId, String userId, String channelId, PaperId paper, Kind kind, Instant at) {
        public Entry {
            Objects.requireNonNull(teamId, "teamId");
            Objects.requireNonNull(userId, "userId");
            Objects.requireNonNull(paper, "paper");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(at, "at");
        }
    }

    /** Records it; recording the same paper and kind twice for a user keeps one entry (the newest). */
    void record(Requester who, PaperId paper, Kind kind);

    /** The user's most recent saved and shared papers in that workspace, newest first. */
    List<Entry> recentSavedOrShared(String teamId, String userId, int limit);

    /**
     * Papers to leave out of this user's results: those they said they are not interested in, and those dismissed
     * in the channel they ask from.
     */
    Set<PaperId> notInterested(Requester who);

    /** Keeps activity in memory only (lost on restart): tests, and a bot without a store. */
    static PaperActivity inMemory(Clock clock) {
        return new InMemoryPaperActivity(clock);
    }

    /** Keeps activity in the durable store's feedback table. */
    static PaperActivity store(FeedbackStore feedback, Clock clock) {
        return new StorePaperActivity(feedback, clock);
    }
}
