package dev.paperbot.core.store;

/**
 * The bot's durable state: subscriptions and settings, feedback, digests, and installations. Opened with {@link Stores}; thread-safe;
 * close it to release its connections.
 */
public interface PaperbotStore extends AutoCloseable {

    SubscriptionStore subscriptions();

    FeedbackStore feedback();

    DigestStore digests();

    /**
     * The workspaces the bot is installed in (OAuth distribution), their tokens sealed and opened with
     * {@code cipher}. Cheap: a view over the same connections.
     */
    InstallationStore installations(TokenCipher cipher);

    /** The OAuth state values of installs in progress. */
    OAuthStateStore oauthStates();

    /** "sqlite" or "postgresql": which database this store runs on. */
    String databaseKind();

    @Override
    void close();
}
