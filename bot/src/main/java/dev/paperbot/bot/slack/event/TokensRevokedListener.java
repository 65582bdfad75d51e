package dev.paperbot.bot.slack.event;

import com.slack.api.app_backend.events.payload.EventsApiPayload;
import com.slack.api.bolt.context.builtin.EventContext;
import com.slack.api.bolt.handler.BoltEventHandler;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.event.TokensRevokedEvent;
import dev.paperbot.bot.install.Workspaces;

/**
 * {@code tokens_revoked}: when the bot's token is among them, the workspace's installation goes and its digests
 * pause, as for {@code app_uninstalled}. User tokens are never kept, so revoking only those changes nothing.
 */
public final class TokensRevokedListener implements BoltEventHandler<TokensRevokedEvent> {

    private final Workspaces workspaces;

    public TokensRevokedListener(Workspaces workspaces) {
        this.workspaces = workspaces;
    }

    @Override
    public Response apply(EventsApiPayload<TokensRevokedEvent> payload, EventContext ctx) {
        TokensRevokedEvent.Tokens tokens = payload.getEvent() == null ? null : payload.getEvent().getTokens();
        if (tokens != null && tokens.getBot() != null && !tokens.getBot().isEmpty()) {
            workspaces.removed(payload.getEnterpriseId(), payload.getTeamId(), "tokens_revoked");
        }
        return ctx.ack();
    }
}
