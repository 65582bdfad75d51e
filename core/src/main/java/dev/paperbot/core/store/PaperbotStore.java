package dev.paperbot.core.store;

/**
 * The bot's durable state: subscriptions and settings, feedback, and digests. Opened with {@link Stores}; thread-safe;
 * close it to release its connections.
 */
public interface PaperbotStore extends AutoCloseable {

    SubscriptionStore subscriptions();

    FeedbackStore feedback();

    DigestStore digests();

    /** "sqlite" or "postgresql": which database this store runs on. */
    String databaseKind();

    @Override
    void close();
}
