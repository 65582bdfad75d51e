package dev.paperbot.bot.slack.action;

import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.handler.builtin.BlockActionHandler;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import dev.paperbot.bot.slack.PaperSearches;
import dev.paperbot.bot.slack.command.PapersCommandParser;
import dev.paperbot.bot.slack.view.ActionIds;
import dev.paperbot.bot.slack.view.Reply;
import java.util.concurrent.Executor;

/** {@code Next 5}: the next page of the same search, replacing the message whose button was pressed. */
public final class NextPageAction implements BlockActionHandler {

    /** Paging stops here: past it, better words beat more pages. */
    static final int MAX_OFFSET = 200;

    private final PaperSearches searches;
    private final Executor worker;

    public NextPageAction(PaperSearches searches, Executor worker) {
        this.searches = searches;
        this.worker = worker;
    }

    @Override
    public Response apply(BlockActionRequest req, ActionContext ctx) {
        var page = ActionSupport.value(req.getPayload()).flatMap(ActionIds.Page::decode)
                .filter(p -> !p.query().isBlank() && p.query().length() <= PapersCommandParser.MAX_QUERY_CHARS)
                .filter(p -> p.offset() <= MAX_OFFSET);
        // Only a real next page replaces the message: the complaint comes as a new one, under the results.
        return ActionSupport.ackThenAnswer(req, ctx, worker, page.isPresent(), who -> page
                .map(p -> searches.search(who, p.query(), p.offset()))
                .orElseGet(() -> Reply.mrkdwn("That is as far as paging goes; try more specific words.")));
    }
}
