package dev.paperbot.bot.subscription;

import java.util.Objects;

/**
 * Who asked, and where: the workspace, the channel the command was typed in, and the user. Every port call gets
 * one, so an implementation keeps each workspace's data apart.
 *
 * @param teamId    Slack workspace ({@code T...}); never null
 * @param channelId channel ({@code C...}, {@code G...}, {@code D...}); may be null (App Home)
 * @param userId    user ({@code U...}); never null
 */
public record Requester(String teamId, String channelId, String userId) {

    public Requester {
        Objects.requireNonNull(teamId, "teamId");
        Objects.requireNonNull(userId, "userId");
    }
}
