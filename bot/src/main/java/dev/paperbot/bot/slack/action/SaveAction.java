package dev.paperbot.bot.slack.action;

import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.handler.builtin.BlockActionHandler;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import dev.paperbot.bot.activity.PaperActivity;
import dev.paperbot.bot.slack.PaperSearches;
import dev.paperbot.bot.slack.view.Mrkdwn;
import dev.paperbot.bot.slack.view.Reply;
import java.util.concurrent.Executor;

/** {@code Save}: keeps the paper on the user's App Home list. */
public final class SaveAction implements BlockActionHandler {

    private final PaperSearches searches;
    private final PaperActivity activity;
    private final Executor worker;

    public SaveAction(PaperSearches searches, PaperActivity activity, Executor worker) {
        this.searches = searches;
        this.activity = activity;
        this.worker = worker;
    }

    @Override
    public Response apply(BlockActionRequest req, ActionContext ctx) {
        var id = ActionSupport.paperId(req.getPayload());
        return ActionSupport.ackThenAnswer(req, ctx, worker, false, who -> id.flatMap(searches::find).map(paper -> {
            activity.record(who, paper.id(), PaperActivity.Kind.SAVED);
            return Reply.mrkdwn(":bookmark: Saved \u201C" + Mrkdwn.escape(paper.title(), 300)
                    + "\u201D. Your saved papers are on my *Home* tab.");
        }).orElseGet(() -> Reply.mrkdwn(ActionSupport.PAPER_GONE)));
    }
}
