package dev.paperbot.bot.subscription;

import dev.paperbot.bot.slack.view.Reply;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * What happens behind {@code /papers subscribe | unsubscribe | topics | digest ...}. The Slack layer parses and
 * validates the command text, then calls exactly one of these with clean arguments and sends the {@link Reply}
 * back to the user (ephemeral). Implementations do not see Slack payloads.
 *
 * <p>Arguments are already validated: topics are trimmed, non-blank, at most
 * {@link dev.paperbot.bot.slack.command.PapersCommandParser#MAX_TOPIC_CHARS} characters, free of duplicates
 * (case-insensitive); a topic may carry a prefix such as {@code author:"Yann LeCun"} for the implementation to
 * interpret. The time is a wall-clock time; the zone, when given, is a region id such as {@code Europe/Berlin}.
 *
 * <p>Calls run off Slack's 3-second ack path when they are slow (the caller answers through {@code response_url}),
 * but should still return within a few seconds; {@link #digestNow} may post the digest itself and return a short
 * confirmation. Replies for digests can be built with {@link dev.paperbot.bot.slack.view.DigestView}.
 */
public interface SubscriptionCommands {

    Reply subscribe(Requester who, List<String> topics);

    Reply unsubscribe(Requester who, String topic);

    Reply unsubscribeAll(Requester who);

    Reply topics(Requester who);

    Reply digestTime(Requester who, LocalTime time, Optional<ZoneId> zone);

    Reply digestNow(Requester who);

    /**
     * Today's digest, shown only to the asking user. Several messages when the digest is long (as
     * {@link dev.paperbot.bot.slack.view.DigestView#render} splits it); at most
     * {@link dev.paperbot.bot.slack.command.PapersSlashCommand#MAX_MESSAGES} are shown.
     */
    List<Reply> digestPreview(Requester who);

    /** On a day without new papers: post nothing ({@code quiet}) or one short line. */
    Reply digestQuiet(Requester who, boolean quiet);

    /** The stand-in until the store lands: every call answers that subscriptions are not there yet. */
    static SubscriptionCommands notYetAvailable() {
        return new NotYetSubscriptionCommands();
    }
}
