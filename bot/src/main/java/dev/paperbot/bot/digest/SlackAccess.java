package dev.paperbot.bot.digest;

import java.util.Objects;

/**
 * Where digests are posted and with which tokens: Slack's Web API ({@code PAPERBOT_SLACK_API_URL}, or the
 * playground's pretend Slack) and each workspace's bot token.
 *
 * @param apiUrl the Web API base URL
 * @param tokens the bot token of each workspace; never logged
 */
public record SlackAccess(String apiUrl, TeamTokens tokens) {

    public SlackAccess {
        Objects.requireNonNull(apiUrl, "apiUrl");
        Objects.requireNonNull(tokens, "tokens");
    }

    @Override
    public String toString() {
        return "SlackAccess[" + apiUrl + "]";
    }
}
