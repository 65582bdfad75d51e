package dev.paperbot.bot.slack.action;

import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.handler.builtin.BlockActionHandler;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
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
        return ActionSupport.ackThenAnswerPaper(req, ctx, worker,
                (who, paper) -> subscriptions.subscribe(who, List.of("like:" + paper.value())));
    }
}
