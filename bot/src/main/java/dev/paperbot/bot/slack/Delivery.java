package dev.paperbot.bot.slack;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.response.chat.ChatPostEphemeralResponse;
import com.slack.api.webhook.WebhookResponse;
import dev.paperbot.bot.slack.view.Reply;
import dev.paperbot.bot.subscription.Requester;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers a late reply: through {@code response_url} first (it works everywhere, even where the bot is not a
 * member), and when that fails (a URL is good for 5 posts within 30 minutes; Slack may also refuse or be down)
 * through {@code chat.postEphemeral} to the same user in the same channel.
 */
public final class Delivery {

    private static final Logger log = LoggerFactory.getLogger(Delivery.class);

    /** How a reply reached the user. */
    public enum Via {
        RESPONSE_URL, EPHEMERAL, LOST;

        public boolean delivered() {
            return this != LOST;
        }
    }

    /** Posts to a response_url; returns Slack's answer. */
    @FunctionalInterface
    public interface ResponseUrlPost {
        WebhookResponse post() throws Exception;
    }

    private Delivery() {
    }

    /** Returns which way the reply was delivered, or {@link Via#LOST}. */
    public static Via deliver(ResponseUrlPost viaResponseUrl, MethodsClient client, Requester who, Reply reply,
            String what) {
        try {
            WebhookResponse response = viaResponseUrl.post();
            if (response != null && response.getCode() != null && response.getCode() / 100 == 2) {
                return Via.RESPONSE_URL;
            }
            log.info("response_url refused the reply to {} for team {} user {} (HTTP {}); posting it ephemerally",
                    what, who.teamId(), who.userId(), response == null ? null : response.getCode());
        } catch (Exception e) {
            log.info("response_url failed for {} for team {} user {} ({}); posting it ephemerally", what,
                    who.teamId(), who.userId(), e.toString());
        }
        if (who.channelId() == null) {
            log.warn("Reply to {} for team {} user {} lost: no channel to post it in", what, who.teamId(),
                    who.userId());
            return Via.LOST;
        }
        try {
            ChatPostEphemeralResponse posted = client.chatPostEphemeral(r -> r.channel(who.channelId())
                    .user(who.userId()).text(reply.text()).blocks(reply.blocks()));
            if (!posted.isOk()) {
                log.warn("chat.postEphemeral for {} in channel {} of team {} failed: {}", what, who.channelId(),
                        who.teamId(), posted.getError());
            }
            return posted.isOk() ? Via.EPHEMERAL : Via.LOST;
        } catch (Exception e) {
            log.warn("chat.postEphemeral for {} in channel {} of team {} failed: {}", what, who.channelId(),
                    who.teamId(), e.toString());
            return Via.LOST;
        }
    }
}
