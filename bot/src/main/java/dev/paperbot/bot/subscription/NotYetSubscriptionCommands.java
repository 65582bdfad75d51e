package dev.paperbot.bot.subscription;

import dev.paperbot.bot.slack.view.Mrkdwn;
import dev.paperbot.bot.slack.view.Reply;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/** Says clearly, and specifically, that subscriptions and digests are not there yet; searching works. */
final class NotYetSubscriptionCommands implements SubscriptionCommands {

    private static Reply notYet(String what) {
        return Reply.mrkdwn(":construction: " + what + " \u2014 but subscriptions and daily digests are not"
                + " available in this version of paperbot yet. Searching works: try `/papers quantization`.");
    }

    private static String quoted(String topic) {
        return "\u201C" + Mrkdwn.escape(topic, 100) + "\u201D";
    }

    @Override
    public Reply subscribe(Requester who, List<String> topics) {
        return notYet("I understood: follow " + String.join(", ", topics.stream().map(
                NotYetSubscriptionCommands::quoted).toList()) + " in this channel");
    }

    @Override
    public Reply unsubscribe(Requester who, String topic) {
        return notYet("I understood: stop following " + quoted(topic));
    }

    @Override
    public Reply unsubscribeAll(Requester who) {
        return notYet("I understood: stop following every topic in this channel");
    }

    @Override
    public Reply topics(Requester who) {
        return notYet("I understood: list this channel's topics");
    }

    @Override
    public Reply digestTime(Requester who, LocalTime time, Optional<ZoneId> zone) {
        return notYet("I understood: daily digest at " + time + zone.map(z -> " " + z.getId()).orElse(""));
    }

    @Override
    public Reply digestNow(Requester who) {
        return notYet("I understood: post today's digest now");
    }

    @Override
    public List<Reply> digestPreview(Requester who) {
        return List.of(notYet("I understood: preview today's digest"));
    }

    @Override
    public Reply digestQuiet(Requester who, boolean quiet) {
        return notYet("I understood: " + (quiet ? "post nothing" : "post one short line")
                + " on a day without new papers");
    }
}
