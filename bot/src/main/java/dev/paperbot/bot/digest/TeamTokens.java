package dev.paperbot.bot.digest;

import java.util.Objects;

/**
 * The bot token of a workspace, for Web API calls made outside a Slack request (digests). One workspace: the
 * configured token for its own team. Many workspaces: the token stored when the workspace installed the bot.
 */
@FunctionalInterface
public interface TeamTokens {

    /** What the bot may use in workspace {@code teamId} right now. */
    Lookup lookup(String teamId);

    /** The answer of a {@link #lookup}. */
    sealed interface Lookup {
    }

    /** The token to post with; never shown by {@link #toString()}. */
    record Found(String token) implements Lookup {
        public Found {
            Objects.requireNonNull(token, "token");
        }

        @Override
        public String toString() {
            return "Found[****]";
        }
    }

    /**
     * The bot is not installed in the workspace (uninstalled, revoked, never installed): its channels' digests
     * pause with {@code reason} until it is installed again.
     */
    record NotInstalled(String reason) implements Lookup {
    }

    /** No token for now (this process serves another workspace, or cannot tell yet): skip, pause nothing. */
    record Unavailable(String why) implements Lookup {
    }

    /** One workspace with a known id and token (the playground, tests). */
    static TeamTokens fixed(String teamId, String token) {
        Found found = new Found(token);
        Unavailable other = new Unavailable("the bot serves workspace " + teamId + " only");
        return team -> teamId.equals(team) ? found : other;
    }
}
