package dev.paperbot.bot.digest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The poster's token lookup for a bot that serves one workspace: its token for its own team, nothing for any other.
 * The team is learned from {@code auth.test} when not given, asked at most once a minute until Slack answers.
 */
public final class OneWorkspaceToken implements Function<String, Optional<String>> {

    private static final Logger LOG = LoggerFactory.getLogger(OneWorkspaceToken.class);
    private static final Duration ASK_AGAIN_AFTER = Duration.ofMinutes(1);

    private final SlackAccess access;
    private final SlackChat chat;
    private final Clock clock;
    private volatile String team;
    private Instant lastAsked = Instant.MIN;

    public OneWorkspaceToken(SlackAccess access, SlackChat chat, Clock clock) {
        this.access = access;
        this.chat = chat;
        this.clock = clock;
        this.team = access.teamId().orElse(null);
    }

    @Override
    public Optional<String> apply(String teamId) {
        String known = team != null ? team : ask();
        return teamId.equals(known) ? Optional.of(access.botToken()) : Optional.empty();
    }

    private synchronized String ask() {
        Instant now = clock.instant();
        if (team != null || now.isBefore(lastAsked.plus(ASK_AGAIN_AFTER))) {
            return team;
        }
        lastAsked = now;
        try {
            team = chat.teamOf(access.botToken());
            LOG.info("digests post to workspace {}", team);
        } catch (SlackPostException e) {
            LOG.warn("cannot tell the bot token's workspace yet ({}); digests wait", e.error());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return team;
    }
}
