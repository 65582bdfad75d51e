package dev.paperbot.bot.digest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The token lookup of a bot that serves one workspace ({@code SLACK_BOT_TOKEN}): its token for its own team; for any
 * other team in the store nothing, without pausing anything (another deployment may serve that workspace from the
 * same database). The team is learned from {@code auth.test} when not given, asked at most once a minute until
 * Slack answers.
 */
public final class OneWorkspaceToken implements TeamTokens {

    private static final Logger LOG = LoggerFactory.getLogger(OneWorkspaceToken.class);
    private static final Duration ASK_AGAIN_AFTER = Duration.ofMinutes(1);

    private final Found token;
    private final SlackChat chat;
    private final Clock clock;
    private volatile String team;
    private Instant lastAsked = Instant.MIN;

    /**
     * @param botToken the workspace's bot token
     * @param teamId   its workspace, when known (Socket Mode checked it at start); else asked with {@code chat}
     */
    public OneWorkspaceToken(String botToken, Optional<String> teamId, SlackChat chat, Clock clock) {
        this.token = new Found(botToken);
        this.chat = Objects.requireNonNull(chat, "chat");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.team = teamId.orElse(null);
    }

    @Override
    public Lookup lookup(String teamId) {
        String known = team != null ? team : ask();
        if (known == null) {
            return new Unavailable("the bot token's workspace is not known yet");
        }
        return teamId.equals(known) ? token : new Unavailable("the bot serves workspace " + known + " only");
    }

    private synchronized String ask() {
        Instant now = clock.instant();
        if (team != null || now.isBefore(lastAsked.plus(ASK_AGAIN_AFTER))) {
            return team;
        }
        lastAsked = now;
        try {
            team = chat.teamOf(token.token());
            LOG.info("digests post to workspace {}", team);
        } catch (SlackPostException e) {
            LOG.warn("cannot tell the bot token's workspace yet ({}); digests wait", e.error());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return team;
    }
}
