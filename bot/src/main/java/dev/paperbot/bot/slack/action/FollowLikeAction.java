package dev.paperbot.bot.slack.action;

import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.handler.builtin.BlockActionHandler;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import dev.paperbot.bot.slack.view.Reply;
import dev.paperbot.bot.subscription.SubscriptionCommands;
import java.util.List;
import java.util.concurrent.Executor;

/**
 * {@code Follow papers like this} (under {@code More like this} results): the channel subscribes to a topic seeded
 * from the paper, exactly as {@code /papers subscribe like:<id>} would.
 */
public final class FollowLikeAction implements BlockActionHandler {

    private final SubscriptionCommands subscriptions;
    private final Executor worker;

    public FollowLikeAction(SubscriptionCommands subscriptions, Executor worker) {
        this.subscriptions = subscriptions;
        this.worker = worker;
    }

    @Override
    public Response apply(BlockActionRequest req, ActionContext ctx) {
        if (ActionSupport.incomplete(req.getPayload())) {
            return ActionSupport.badRequest();
        }
        var who = ActionSupport.requester(req.getPayload());
        var id = ActionSupport.paperId(req.getPayload());
        ActionSupport.answerLater(req, ctx, worker, false, () -> id
                .map(i -> subscriptions.subscribe(who, List.of("like:" + i.value())))
                .orElseGet(() -> Reply.mrkdwn("I could not tell which paper that button was for.")));
        return ctx.ack();
    }
}
