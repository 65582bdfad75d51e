package dev.paperbot.bot.slack.event;

import com.slack.api.app_backend.events.payload.EventsApiPayload;
import com.slack.api.bolt.context.builtin.EventContext;
import com.slack.api.bolt.handler.BoltEventHandler;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.event.AppUninstalledEvent;
import dev.paperbot.bot.install.Workspaces;

/**
 * {@code app_uninstalled}: the workspace removed the app; its installation goes and its digests pause.
 *
 * <p>Done before the ack, unlike Bolt's own handler: two quick store writes, and if they fail Slack gets a 5xx and
 * sends the event again, instead of an ack for work that never happened.
 */
public final class AppUninstalledListener implements BoltEventHandler<AppUninstalledEvent> {

    private final Workspaces workspaces;

    public AppUninstalledListener(Workspaces workspaces) {
        this.workspaces = workspaces;
    }

    @Override
    public Response apply(EventsApiPayload<AppUninstalledEvent> payload, EventContext ctx) {
        // This event has no authorizations[]: the workspace comes from the envelope.
        workspaces.removed(payload.getEnterpriseId(), payload.getTeamId(), "app_uninstalled");
        return ctx.ack();
    }
}
