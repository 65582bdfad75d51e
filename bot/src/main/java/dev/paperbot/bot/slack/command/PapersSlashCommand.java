package dev.paperbot.bot.slack.command;

import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.handler.builtin.SlashCommandHandler;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;
import dev.paperbot.bot.slack.BotServices;
import dev.paperbot.bot.slack.PaperSearches;
import dev.paperbot.bot.slack.Replies;
import dev.paperbot.bot.slack.view.HelpView;
import dev.paperbot.bot.slack.view.Reply;
import dev.paperbot.bot.subscription.Requester;
import dev.paperbot.bot.subscription.SubscriptionCommands;
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

    private final PapersCommandParser parser = new PapersCommandParser();
    private final BotServices services;
    private final PaperSearches searches;

    public PapersSlashCommand(BotServices services, PaperSearches searches) {
        this.services = services;
        this.searches = searches;
    }

    @Override
    public Response apply(SlashCommandRequest req, SlashCommandContext ctx) {
        SlashCommandPayload p = req.getPayload();
        if (p == null || isBlank(p.getTeamId()) || isBlank(p.getUserId())) {
            // Signed, but not a command Slack would send.
            return Response.builder().statusCode(400).contentType("text/plain").body("team_id and user_id required")
                    .build();
        }
        Requester who = new Requester(p.getTeamId(), p.getChannelId(), p.getUserId());
        PapersCommand command = parser.parse(p.getText());
        Supplier<Reply> work = work(who, command);
        CompletableFuture<Reply> reply = CompletableFuture.supplyAsync(() -> safely(work, who, command),
                services.worker());
        try {
            return ctx.ack(Replies.toSlashCommand(
                    reply.get(services.ackBudget().toMillis(), TimeUnit.MILLISECONDS)));
        } catch (TimeoutException e) {
            reply.thenAccept(r -> respond(ctx, r, who));
            return ctx.ack();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ctx.ack(Replies.toSlashCommand(Replies.somethingWentWrong()));
        } catch (ExecutionException e) {
            return ctx.ack(Replies.toSlashCommand(Replies.somethingWentWrong()));
        }
    }

    private Supplier<Reply> work(Requester who, PapersCommand command) {
        SubscriptionCommands subs = services.subscriptions();
        return switch (command) {
            case PapersCommand.Search s -> () -> searches.search(who, s.query(), 0);
            case PapersCommand.Help h -> () -> HelpView.help(h.lead());
            case PapersCommand.Invalid i -> () -> HelpView.error(i.message());
            case PapersCommand.Subscribe s -> () -> subs.subscribe(who, s.topics());
            case PapersCommand.Unsubscribe u -> () -> subs.unsubscribe(who, u.topic());
            case PapersCommand.UnsubscribeAll u -> () -> subs.unsubscribeAll(who);
            case PapersCommand.Topics t -> () -> subs.topics(who);
            case PapersCommand.DigestTime d -> () -> subs.digestTime(who, d.time(), d.zone());
            case PapersCommand.DigestNow d -> () -> subs.digestNow(who);
            case PapersCommand.DigestPreview d -> () -> subs.digestPreview(who);
        };
    }

    private static Reply safely(Supplier<Reply> work, Requester who, PapersCommand command) {
        try {
            return work.get();
        } catch (RuntimeException e) {
            log.error("/papers {} failed for team {} user {}", command.getClass().getSimpleName(), who.teamId(),
                    who.userId(), e);
            return Replies.somethingWentWrong();
        }
    }

    private static void respond(SlashCommandContext ctx, Reply reply, Requester who) {
        try {
            ctx.respond(Replies.toSlashCommand(reply));
        } catch (Exception e) {
            log.warn("Could not answer /papers through response_url for team {} user {}: {}", who.teamId(),
                    who.userId(), e.toString());
        }
    }

    private static boolean isBlank(String id) {
        return id == null || id.isBlank();
    }
}
