package dev.paperbot.core.store;

import java.util.Objects;

/**
 * A Slack channel in one workspace. Every store operation takes one (or a team id), which is how one workspace's
 * data stays invisible to another: channel ids are only unique within a workspace.
 *
 * @param teamId    the workspace ({@code T...})
 * @param channelId the channel ({@code C...}, {@code G...}, {@code D...})
 */
public record ChannelRef(String teamId, String channelId) {

    public ChannelRef {
        teamId = requireId(teamId, "team id");
        channelId = requireId(channelId, "channel id");
    }

    public static ChannelRef of(String teamId, String channelId) {
        return new ChannelRef(teamId, channelId);
    }

    static String requireId(String value, String what) {
        Objects.requireNonNull(value, what);
        if (value.isBlank() || value.length() > 64) {
            throw new IllegalArgumentException(what + " must be 1..64 characters, was '" + value + "'");
        }
        return value;
    }

    @Override
    public String toString() {
        return teamId + "/" + channelId;
    }
}
