package dev.paperbot.bot.slack;

import com.slack.api.app_backend.interactive_components.response.ActionResponse;
import com.slack.api.app_backend.slash_commands.response.SlashCommandResponse;
import dev.paperbot.bot.slack.view.Reply;

/** Turns a {@link Reply} into what Bolt sends: always ephemeral, only the asking user sees it. */
public final class Replies {

    public static final String EPHEMERAL = "ephemeral";

    private Replies() {
    }

    public static SlashCommandResponse toSlashCommand(Reply reply) {
        return SlashCommandResponse.builder().responseType(EPHEMERAL).text(reply.text()).blocks(reply.blocks())
                .build();
    }

    /** An action's answer; {@code replaceOriginal} swaps it in for the message whose button was pressed. */
    public static ActionResponse toAction(Reply reply, boolean replaceOriginal) {
        return ActionResponse.builder().responseType(EPHEMERAL).replaceOriginal(replaceOriginal)
                .text(reply.text()).blocks(reply.blocks()).build();
    }

    /** For when something broke on our side; details go to the log, never to the user. */
    public static Reply somethingWentWrong() {
        return Reply.mrkdwn(":x: Something went wrong on my side. Please try again in a moment.");
    }

    public static Reply indexNotReady() {
        return Reply.mrkdwn(":hourglass_flowing_sand: I am still loading my paper index. Try again in a few"
                + " seconds.");
    }
}
