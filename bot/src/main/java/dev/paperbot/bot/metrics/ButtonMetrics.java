package dev.paperbot.bot.metrics;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.middleware.Middleware;
import com.slack.api.bolt.middleware.MiddlewareChain;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Counts button presses as {@code paperbot.slack.buttons}, by {@code action} (the button's action id:
 * {@code paper.save}, {@code results.next}, ...) and {@code outcome} ({@code ok} when acked, {@code rejected} for a
 * payload no real press has). A Bolt middleware, so every button is counted without its listener knowing; an action
 * id no listener is registered for counts as {@code other}, so the tag only takes the bot's own ids.
 */
public final class ButtonMetrics implements Middleware {

    static final String NAME = "paperbot.slack.buttons";

    private static final Pattern ACTION_ID = Pattern.compile("[a-z_]+\\.[a-z_]+");
    private static final int NO_LISTENER = 404;

    private final MeterRegistry registry;

    public ButtonMetrics(MeterRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    @Override
    public Response apply(Request req, Response resp, MiddlewareChain chain) throws Exception {
        Response answer = chain.next(req);
        if (req instanceof BlockActionRequest press) {
            int status = answer.getStatusCode() == null ? 200 : answer.getStatusCode();
            String action = status == NO_LISTENER ? "other" : actionId(press.getPayload());
            Counter.builder(NAME).description("Button presses by action id and outcome")
                    .tags("action", action, "outcome", status / 100 == 2 ? "ok" : "rejected")
                    .register(registry).increment();
        }
        return answer;
    }

    private static String actionId(BlockActionPayload p) {
        String id = p == null || p.getActions() == null || p.getActions().isEmpty() ? null
                : p.getActions().get(0).getActionId();
        return id != null && ACTION_ID.matcher(id).matches() ? id : "other";
    }
}
