package dev.paperbot.bot.slack.action;

import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.handler.builtin.BlockActionHandler;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import dev.paperbot.bot.slack.PaperSearches;
import dev.paperbot.bot.slack.view.ActionIds;
import dev.paperbot.bot.slack.view.Reply;
import dev.paperbot.bot.slack.view.TrendingView;
import java.util.concurrent.Executor;

/** {@code Next 5} under {@code /papers trending}: the next page of the same window, replacing the pressed message. */
public final class NextTrendingPageAction implements BlockActionHandler {

    private final PaperSearches searches;
    private final Executor worker;

    public NextTrendingPageAction(PaperSearches searches, Executor worker) {
        this.searches = searches;
        this.worker = worker;
    }

    @Override
    public Response apply(BlockActionRequest req, ActionContext ctx) {
        // Values come back from clients: only a page the trending list can have is honoured.
        var page = ActionSupport.value(req.getPayload()).flatMap(ActionIds.TrendingPage::decode)
                .filter(p -> p.days() <= TrendingView.MAX_DAYS && p.offset() < TrendingView.MAX_PAPERS);
        return ActionSupport.ackThenAnswer(req, ctx, worker, page.isPresent(), who -> page
                .map(p -> searches.trending(who, p.days(), p.offset()))
                .orElseGet(() -> Reply.mrkdwn("That is as far as the trending list goes.")));
    }
}
