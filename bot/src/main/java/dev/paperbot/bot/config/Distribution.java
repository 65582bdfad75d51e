package dev.paperbot.bot.config;

import java.net.URI;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The bot distributed to many workspaces: each installs it through Slack's OAuth flow ({@code /slack/install}),
 * and the store keeps each workspace's bot token, sealed with {@code PAPERBOT_TOKEN_KEY}. HTTP mode only.
 *
 * @param clientId     {@code SLACK_CLIENT_ID} (not a secret: it is part of every install link)
 * @param clientSecret {@code SLACK_CLIENT_SECRET}
 * @param tokenKeys    {@code PAPERBOT_TOKEN_KEY}: AES-256 keys, 32 bytes each in base64, comma-separated; the first
 *                     seals tokens, every one opens tokens sealed earlier (so a key can be rotated)
 * @param redirectUri  {@code SLACK_REDIRECT_URI}: the public {@code https://.../slack/oauth/callback}; absent: Slack
 *                     uses the one redirect URL in the app's settings
 */
public record Distribution(String clientId, Secret clientSecret, List<Secret> tokenKeys, Optional<URI> redirectUri) {

    public static final String INSTALL_PATH = "/slack/install";
    public static final String CALLBACK_PATH = "/slack/oauth/callback";

    public Distribution {
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(clientSecret, "clientSecret");
        tokenKeys = List.copyOf(tokenKeys);
        if (tokenKeys.isEmpty()) {
            throw new ConfigException("PAPERBOT_TOKEN_KEY names no key");
        }
        redirectUri = redirectUri == null ? Optional.empty() : redirectUri;
    }

    /** The keys as bytes, sealing key first. */
    public List<byte[]> keyBytes() {
        return tokenKeys.stream().map(k -> Base64.getDecoder().decode(k.reveal())).toList();
    }

    /** The public install link to share, when the public address is known (from {@link #redirectUri()}). */
    public Optional<URI> installUrl() {
        return redirectUri.map(r -> r.resolve(INSTALL_PATH));
    }

    @Override
    public String toString() {
        return "Distribution[client " + clientId + ", " + tokenKeys.size() + " token key(s), redirect "
                + redirectUri.map(URI::toString).orElse("from the app's settings") + "]";
    }
}
