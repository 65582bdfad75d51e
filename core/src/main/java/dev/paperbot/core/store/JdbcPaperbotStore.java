package dev.paperbot.core.store;

final class JdbcPaperbotStore implements PaperbotStore {

    private final Database db;
    private final SubscriptionStore subscriptions;
    private final FeedbackStore feedback;
    private final DigestStore digests;
    private final OAuthStateStore oauthStates;

    JdbcPaperbotStore(Database db) {
        this.db = db;
        this.subscriptions = new JdbcSubscriptionStore(db);
        this.feedback = new JdbcFeedbackStore(db);
        this.digests = new JdbcDigestStore(db);
        this.oauthStates = new JdbcOAuthStateStore(db);
    }

    @Override
    public SubscriptionStore subscriptions() {
        return subscriptions;
    }

    @Override
    public FeedbackStore feedback() {
        return feedback;
    }

    @Override
    public DigestStore digests() {
        return digests;
    }

    @Override
    public InstallationStore installations(TokenCipher cipher) {
        return new JdbcInstallationStore(db, cipher);
    }

    @Override
    public OAuthStateStore oauthStates() {
        return oauthStates;
    }

    @Override
    public String databaseKind() {
        return db.sqlite() ? "sqlite" : "postgresql";
    }

    @Override
    public void close() {
        db.close();
    }
}
