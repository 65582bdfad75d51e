package dev.paperbot.bot.slack.action;

import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.handler.builtin.BlockActionHandler;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import dev.paperbot.bot.slack.PaperSearches;
import dev.paperbot.bot.slack.view.Reply;
import java.util.concurrent.Executor;

/** {@code More like this}: papers similar to the one under the button, as a new ephemeral message. */
public final class MoreLikeThisAction implements BlockActionHandler {

    private final PaperSearches searches;
    private final Executor worker;

    public MoreLikeThisAction(PaperSearches searches, Executor worker) {
        this.searches = searches;
        this.worker = worker;
    }

    @Override
    public Response apply(BlockActionRequest req, ActionContext ctx) {
        if (ActionSupport.incomplete(req.getPayload())) {
            return ActionSupport.badRequest();
        }
        var who = ActionSupport.requester(req.getPayload());
        var id = ActionSupport.paperId(req.getPayload());
        ActionSupport.answerLater(req, ctx, worker, false, () -> id.map(i -> searches.similar(who, i))
                .orElseGet(() -> Reply.mrkdwn("I could not tell which paper that button was for.")));
        return ctx.ack();
    }
}
