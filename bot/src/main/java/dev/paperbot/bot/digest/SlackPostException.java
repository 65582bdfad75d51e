package dev.paperbot.bot.digest;

import java.util.Set;

/** Slack refused a post. {@link #permanent()} errors will not go away by retrying: the channel's digest pauses. */
public final class SlackPostException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Errors after which posting to the channel is pointless until a person acts. */
    public static final Set<String> PERMANENT = Set.of(
            "channel_not_found", "is_archived", "not_in_channel", "invalid_auth", "token_revoked",
            "account_inactive", "missing_scope", "not_authed", "team_access_not_granted", "restricted_action");

    private final String error;

    public SlackPostException(String error, String message) {
        super(message);
        this.error = error;
    }

    /** Slack's error code ({@code channel_not_found}), or {@code unavailable} after the retries ran out. */
    public String error() {
        return error;
    }

    public boolean permanent() {
        return PERMANENT.contains(error);
    }
}
