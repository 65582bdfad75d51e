package dev.paperbot.bot.slack.action;

import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;

import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.handler.builtin.BlockActionHandler;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.model.block.LayoutBlock;
import dev.paperbot.bot.activity.PaperActivity;
import dev.paperbot.bot.slack.PaperSearches;
import dev.paperbot.bot.slack.view.DigestView;
import dev.paperbot.bot.slack.view.Mrkdwn;
import dev.paperbot.bot.slack.view.PaperView;
import dev.paperbot.bot.slack.view.Reply;
import dev.paperbot.bot.subscription.Requester;
import dev.paperbot.core.paper.Paper;
import dev.paperbot.core.search.SearchHit;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code Share to channel}: posts the paper for everyone in the channel ({@code chat.postMessage}), with its upvotes
 * on Hugging Face when it has some.
 */
public final class ShareAction implements BlockActionHandler {

    private static final Logger log = LoggerFactory.getLogger(ShareAction.class);
    private static final Pattern USER_ID = Pattern.compile("[UW][A-Z0-9]{2,20}");

    private final PaperSearches searches;
    private final PaperActivity activity;
    private final Executor worker;

    public ShareAction(PaperSearches searches, PaperActivity activity, Executor worker) {
        this.searches = searches;
        this.activity = activity;
        this.worker = worker;
    }

    @Override
    public Response apply(BlockActionRequest req, ActionContext ctx) {
        var id = ActionSupport.paperId(req.getPayload());
        return ActionSupport.ackThenAnswer(req, ctx, worker, false, who -> {
            if (who.channelId() == null) {
                return Reply.mrkdwn("I can only share from a channel: run `/papers` there and share from the results.");
            }
            return id.flatMap(searches::find).map(paper -> share(ctx, who, paper))
                    .orElseGet(() -> Reply.mrkdwn(ActionSupport.PAPER_GONE));
        });
    }

    private Reply share(ActionContext ctx, Requester who, Paper paper) {
        List<LayoutBlock> blocks = new ArrayList<>();
        // A mention we build from a validated user id; everything else is escaped.
        String sharer = USER_ID.matcher(who.userId()).matches() ? "<@" + who.userId() + ">" : "Someone";
        blocks.add(section(s -> s.text(markdownText(sharer + " shared a paper:"))));
        blocks.addAll(PaperView.blocks(new SearchHit(paper, 0, null, List.of(), false), "s.",
                DigestView.DIGEST_BUTTONS, null, searches.upvotes(List.of(paper.id())).of(paper.id())));
        String title = "\u201C" + Mrkdwn.escape(paper.title(), 300) + "\u201D";
        try {
            ChatPostMessageResponse posted = ctx.client().chatPostMessage(r -> r.channel(who.channelId())
                    .text(Mrkdwn.escape("Shared paper: " + paper.title(), 400)).blocks(blocks)
                    .unfurlLinks(false).unfurlMedia(false));
            if (!posted.isOk()) {
                log.warn("Sharing to channel {} of team {} failed: {}", who.channelId(), who.teamId(),
                        posted.getError());
                return Reply.mrkdwn(":warning: I could not post " + title + " here (" + explain(posted.getError())
                        + ").");
            }
            activity.record(who, paper.id(), PaperActivity.Kind.SHARED);
            return Reply.mrkdwn(":mega: Shared " + title + " with the channel.");
        } catch (IOException | SlackApiException e) {
            log.warn("Sharing to channel {} of team {} failed: {}", who.channelId(), who.teamId(), e.toString());
            return Reply.mrkdwn(":warning: Slack did not take the message for " + title + "; please try again.");
        }
    }

    private static String explain(String error) {
        return switch (error == null ? "" : error) {
            case "not_in_channel", "channel_not_found" -> "I am not in this channel: invite me with"
                    + " `/invite @paperbot` and share again";
            case "is_archived" -> "the channel is archived";
            case "restricted_action", "restricted_action_read_only_channel" -> "posting here is restricted";
            default -> "Slack said `" + Mrkdwn.escape(error == null ? "unknown" : error, 60) + "`";
        };
    }
}
