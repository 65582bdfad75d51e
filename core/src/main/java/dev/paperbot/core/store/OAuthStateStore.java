package dev.paperbot.core.store;

import java.time.Instant;

/**
 * The OAuth {@code state} values handed out at the start of an install, so that the callback, served by whichever
 * process Slack's redirect reaches, can check that it belongs to an install this app started. Each value is good
 * once, until it expires. Only a hash of each value is stored.
 */
public interface OAuthStateStore {

    /** Remembers a new state value until {@code expiresAt}; forgets values that expired by {@code now}. */
    void issue(String state, Instant now, Instant expiresAt);

    /** Whether {@code state} was issued and neither used nor expired at {@code now}; changes nothing. */
    boolean isValid(String state, Instant now);

    /**
     * Uses {@code state} up: true for exactly one caller, when it was issued and had not expired at {@code now};
     * false for a value never issued, expired, or used already (even by another process at the same moment).
     */
    boolean consume(String state, Instant now);
}
