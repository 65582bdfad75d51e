package dev.paperbot.bot.metrics;

import dev.paperbot.bot.digest.SlackPostException;
import java.util.HashSet;
import java.util.Set;

/**
 * Slack error codes as tag values: the codes the bot acts on are kept, any other becomes {@code other}, so a tag
 * never takes more values than this list (Slack has hundreds of codes, and a reason string could be anything).
 */
final class SlackErrors {

    static final String NONE = "none";
    static final String OTHER = "other";

    private static final Set<String> KNOWN = known();

    private SlackErrors() {
    }

    /** {@code code} when it is one the bot knows, {@link #OTHER} otherwise, {@link #NONE} for no code. */
    static String tag(String code) {
        if (code == null || code.isEmpty()) {
            return NONE;
        }
        return KNOWN.contains(code) ? code : OTHER;
    }

    static boolean permanent(String code) {
        return SlackPostException.PERMANENT.contains(code);
    }

    private static Set<String> known() {
        // The errors that pause a digest, why a workspace has no token, and what passes by itself.
        Set<String> codes = new HashSet<>(SlackPostException.PERMANENT);
        codes.addAll(Set.of("not_installed", "ratelimited", "unavailable", "internal_error", "fatal_error",
                "service_unavailable", "request_timeout"));
        return Set.copyOf(codes);
    }
}
