package dev.paperbot.bot.slack.action;

import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.handler.builtin.BlockActionHandler;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import dev.paperbot.bot.slack.PaperSearches;
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
        return ActionSupport.ackThenAnswerPaper(req, ctx, worker, searches::similar);
    }
}
