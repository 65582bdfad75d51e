package dev.paperbot.bot.slack.command;

import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.handler.builtin.SlashCommandHandler;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;
import dev.paperbot.bot.metrics.CommandMetrics;
import dev.paperbot.bot.slack.BotServices;
import dev.paperbot.bot.slack.Delivery;
import dev.paperbot.bot.slack.PaperSearches;
import dev.paperbot.bot.slack.Replies;
import dev.paperbot.bot.slack.view.HelpView;
import dev.paperbot.bot.slack.view.Reply;
import dev.paperbot.bot.subscription.Requester;
import dev.paperbot.bot.subscription.SubscriptionCommands;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /papers ...}: parses the text, does the work on the worker pool, and answers in the ack when the work is
 * done within the ack budget, else acks empty at once and answers through {@code response_url} when it is done.
 * Either way the user sees one ephemeral reply, and Slack gets its ack well within 3 seconds.
 */
public final class PapersSlashCommand implements SlashCommandHandler {

    private static final Logger log = LoggerFactory.getLogger(PapersSlashCommand.class);

    /** A response_url takes five messages; one answer uses at most that many. */
    public static final int MAX_MESSAGES = 5;

    private final PapersCommandParser parser = new PapersCommandParser();
    private final BotServices services;
    private final PaperSearches searches;
    private final CommandMetrics metrics;

    /** The replies to one command, and whether they are the apology for a failure. */
    private record Answer(List<Reply> replies, boolean failed) {
    }

    public PapersSlashCommand(BotServices services, PaperSearches searches) {
        this.services = services;
        this.searches = searches;
        this.metrics = new CommandMetrics(services.meters());
    }

    @Override
    public Response apply(SlashCommandRequest req, SlashCommandContext ctx) {
        SlashCommandPayload p = req.getPayload();
        if (p == null || isBlank(p.getTeamId()) || isBlank(p.getUserId())) {
            // Signed, but not a command Slack would send.
            metrics.rejected();
            return Response.builder().statusCode(400).contentType("text/plain").body("team_id and user_id required")
                    .build();
        }
        Requester who = new Requester(p.getTeamId(), p.getChannelId(), p.getUserId());
        PapersCommand command = parser.parse(p.getText());
        Supplier<List<Reply>> work = work(who, command);
        String kind = kind(command);
        CompletableFuture<Answer> answer = CompletableFuture.supplyAsync(() -> safely(work, who, command),
                services.worker());
        if (services.ackBudget().isZero()) {
            // No budget: always late, even when the worker happens to finish before this thread looks.
            answer.thenAccept(a -> answerLate(ctx, a, who, kind));
            return ctx.ack();
        }
        try {
            Answer a = answer.get(services.ackBudget().toMillis(), TimeUnit.MILLISECONDS);
            List<Reply> replies = a.replies();
            if (replies.size() > 1) {
                services.worker().execute(() -> respond(ctx, replies.subList(1, replies.size()), who));
            }
            metrics.answered(kind, a.failed(), "ack");
            return ctx.ack(Replies.toSlashCommand(replies.getFirst()));
        } catch (TimeoutException e) {
            answer.thenAccept(a -> answerLate(ctx, a, who, kind));
            return ctx.ack();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            metrics.answered(kind, true, "ack");
            return ctx.ack(Replies.toSlashCommand(Replies.somethingWentWrong()));
        } catch (ExecutionException e) {
            metrics.answered(kind, true, "ack");
            return ctx.ack(Replies.toSlashCommand(Replies.somethingWentWrong()));
        }
    }

    /** The subcommand as a metrics tag: its record's name in snake case ({@code DigestNow} is {@code digest_now}). */
    static String kind(PapersCommand command) {
        return command.getClass().getSimpleName().replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }

    private Supplier<List<Reply>> work(Requester who, PapersCommand command) {
        SubscriptionCommands subs = services.subscriptions();
        return switch (command) {
            case PapersCommand.Search s -> () -> List.of(searches.search(who, s.query(), 0));
            case PapersCommand.Trending t -> () -> List.of(searches.trending(who, t.days(), 0));
            case PapersCommand.Help h -> () -> List.of(HelpView.help(h.lead()));
            case PapersCommand.Invalid i -> () -> List.of(HelpView.error(i.message()));
            case PapersCommand.Subscribe s -> () -> List.of(subs.subscribe(who, s.topics()));
            case PapersCommand.Unsubscribe u -> () -> List.of(subs.unsubscribe(who, u.topic()));
            case PapersCommand.UnsubscribeAll u -> () -> List.of(subs.unsubscribeAll(who));
            case PapersCommand.Topics t -> () -> List.of(subs.topics(who));
            case PapersCommand.DigestTime d -> () -> List.of(subs.digestTime(who, d.time(), d.zone()));
            case PapersCommand.DigestNow d -> () -> List.of(subs.digestNow(who));
            case PapersCommand.DigestPreview d -> () -> subs.digestPreview(who);
            case PapersCommand.DigestQuiet q -> () -> List.of(subs.digestQuiet(who, q.quiet()));
        };
    }

    /** Never throws and never returns nothing: failures become a short apology, details go to the log. */
    private static Answer safely(Supplier<List<Reply>> work, Requester who, PapersCommand command) {
        try {
            List<Reply> replies = work.get();
            if (replies == null || replies.isEmpty()) {
                log.error("/papers {} gave no reply for team {} user {}", command.getClass().getSimpleName(),
                        who.teamId(), who.userId());
                return new Answer(List.of(Replies.somethingWentWrong()), true);
            }
            return new Answer(replies.size() > MAX_MESSAGES ? replies.subList(0, MAX_MESSAGES) : replies, false);
        } catch (RuntimeException e) {
            log.error("/papers {} failed for team {} user {}", command.getClass().getSimpleName(), who.teamId(),
                    who.userId(), e);
            return new Answer(List.of(Replies.somethingWentWrong()), true);
        }
    }

    private void answerLate(SlashCommandContext ctx, Answer answer, Requester who, String kind) {
        Delivery.Via via = respond(ctx, answer.replies(), who);
        metrics.answered(kind, answer.failed(), via.name().toLowerCase(Locale.ROOT));
    }

    /** Sends replies in order through response_url, falling back to chat.postEphemeral; says how the first went. */
    private static Delivery.Via respond(SlashCommandContext ctx, List<Reply> replies, Requester who) {
        Delivery.Via first = null;
        for (Reply reply : replies) {
            Delivery.Via via = Delivery.deliver(() -> ctx.respond(Replies.toSlashCommand(reply)), ctx.client(), who,
                    reply, "/papers");
            first = first == null ? via : first;
            if (!via.delivered()) {
                break;
            }
        }
        return first == null ? Delivery.Via.LOST : first;
    }

    private static boolean isBlank(String id) {
        return id == null || id.isBlank();
    }
}
