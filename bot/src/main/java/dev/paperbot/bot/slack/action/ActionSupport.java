package dev.paperbot.bot.slack.action;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import dev.paperbot.bot.slack.Delivery;
import dev.paperbot.bot.slack.Replies;
import dev.paperbot.bot.slack.view.Reply;
import dev.paperbot.bot.subscription.Requester;
import dev.paperbot.core.paper.PaperId;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every button listener does the same way: check the payload, ack at once, and answer from the worker. A
 * listener only says how its button's value reads and what the reply is.
 */
final class ActionSupport {

    static final String UNKNOWN_PAPER = "I could not tell which paper that button was for.";
    static final String PAPER_GONE = "I could not find that paper any more.";

    private static final Logger log = LoggerFactory.getLogger(ActionSupport.class);

    /** A listener's reply to a press, made on the worker. */
    @FunctionalInterface
    interface Answer {
        Reply to(Requester who);
    }

    /** A listener's reply to a press on a button whose value is a paper id, made on the worker. */
    @FunctionalInterface
    interface PaperAnswer {
        Reply to(Requester who, PaperId paper);
    }

    private ActionSupport() {
    }

    /**
     * The whole life of a press: a 400 for a payload no real press has; otherwise the ack now, and {@code answer}
     * on {@code worker}, its reply sent through the response_url (replacing the pressed message when
     * {@code replaceOriginal}).
     */
    static Response ackThenAnswer(BlockActionRequest req, ActionContext ctx, Executor worker,
            boolean replaceOriginal, Answer answer) {
        if (incomplete(req.getPayload())) {
            return badRequest();
        }
        Requester who = requester(req.getPayload());
        answerLater(req, ctx, worker, replaceOriginal, () -> answer.to(who));
        return ctx.ack();
    }

    /** {@link #ackThenAnswer} for a button that carries a paper id; a value that is none gets {@link #UNKNOWN_PAPER}. */
    static Response ackThenAnswerPaper(BlockActionRequest req, ActionContext ctx, Executor worker,
            PaperAnswer answer) {
        Optional<PaperId> id = paperId(req.getPayload());
        return ackThenAnswer(req, ctx, worker, false, who -> id.map(paper -> answer.to(who, paper))
                .orElseGet(() -> Reply.mrkdwn(UNKNOWN_PAPER)));
    }

    private static Requester requester(BlockActionPayload p) {
        String team = p.getTeam() != null ? p.getTeam().getId() : p.getUser() != null ? p.getUser().getTeamId() : null;
        String channel = p.getChannel() != null ? p.getChannel().getId() : null;
        return new Requester(team == null ? "" : team, channel, p.getUser() == null ? "" : p.getUser().getId());
    }

    /** True when the payload lacks what every real button press has: a team, a user and an action. */
    private static boolean incomplete(BlockActionPayload p) {
        Requester who = requester(p);
        return who.teamId().isBlank() || who.userId().isBlank() || p.getActions() == null || p.getActions().isEmpty();
    }

    private static Response badRequest() {
        return Response.builder().statusCode(400).contentType("text/plain").body("incomplete block_actions payload")
                .build();
    }

    static Optional<String> value(BlockActionPayload p) {
        return p.getActions() == null || p.getActions().isEmpty() ? Optional.empty()
                : Optional.ofNullable(p.getActions().get(0).getValue());
    }

    static Optional<PaperId> paperId(BlockActionPayload p) {
        return value(p).filter(v -> !v.isBlank() && v.length() <= 2000).map(PaperId::new);
    }

    /** Runs {@code work} after the ack and sends its reply through the action's response_url. */
    private static void answerLater(BlockActionRequest req, ActionContext ctx, Executor worker, boolean replaceOriginal,
            Supplier<Reply> work) {
        Requester who = requester(req.getPayload());
        String action = req.getPayload().getActions() == null || req.getPayload().getActions().isEmpty() ? "?"
                : req.getPayload().getActions().get(0).getActionId();
        worker.execute(() -> {
            Reply reply;
            try {
                reply = work.get();
            } catch (RuntimeException e) {
                log.error("Button {} failed for team {} user {}", action, who.teamId(), who.userId(), e);
                reply = Replies.somethingWentWrong();
            }
            Reply answer = reply;
            // Buttons on the Home tab come without a response_url: then chat.postEphemeral is the only way.
            Delivery.deliver(ctx.getResponseUrl() == null ? () -> null
                    : () -> ctx.respond(Replies.toAction(answer, replaceOriginal)), ctx.client(), who, answer,
                    "button " + action);
        });
    }
}
