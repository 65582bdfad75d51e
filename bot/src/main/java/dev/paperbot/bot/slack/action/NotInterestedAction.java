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

/** {@code Not interested}: recorded as feedback; the paper is left out of the user's results from now on. */
public final class NotInterestedAction implements BlockActionHandler {

    private final PaperSearches searches;
    private final PaperActivity activity;
    private final Executor worker;

    public NotInterestedAction(PaperSearches searches, PaperActivity activity, Executor worker) {
        this.searches = searches;
        this.activity = activity;
        this.worker = worker;
    }

    @Override
    public Response apply(BlockActionRequest req, ActionContext ctx) {
        return ActionSupport.ackThenAnswerPaper(req, ctx, worker, (who, paperId) -> {
            activity.record(who, paperId, PaperActivity.Kind.NOT_INTERESTED);
            String title = searches.find(paperId).map(p -> "\u201C" + Mrkdwn.escape(p.title(), 300) + "\u201D")
                    .orElse("that paper");
            return Reply.mrkdwn(":ok_hand: Noted: I won't show you " + title + " again.");
        });
    }
}
