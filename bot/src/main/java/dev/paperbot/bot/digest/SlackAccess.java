package dev.paperbot.bot.digest;

import java.util.Objects;
import java.util.Optional;

/**
 * Where digests are posted and with which token: Slack's Web API ({@code PAPERBOT_SLACK_API_URL}, or the playground's
 * pretend Slack) and the bot token of the one workspace the bot serves. There is no OAuth installation store, so one
 * process posts for one workspace; channels of any other workspace in the store get no token (and no digest).
 *
 * @param apiUrl   the Web API base URL
 * @param botToken the bot token ({@code xoxb-...}); never logged
 * @param teamId   the token's workspace when known; else {@code auth.test} is asked, once it answers
 */
public record SlackAccess(String apiUrl, String botToken, Optional<String> teamId) {

    public SlackAccess {
        Objects.requireNonNull(apiUrl, "apiUrl");
        Objects.requireNonNull(botToken, "botToken");
        Objects.requireNonNull(teamId, "teamId");
    }

    @Override
    public String toString() {
        return "SlackAccess[" + apiUrl + ", team " + teamId.orElse("?") + "]";
    }
}
