package dev.paperbot.bot.http;

import com.slack.api.bolt.response.Response;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /slack/events}: commands, button clicks and events from Slack in HTTP mode, handed to Bolt. The same
 * handler serves the install pages of a bot installed in many workspaces ({@code GET /slack/install},
 * {@code GET /slack/oauth/callback}), which Bolt tells apart by their path.
 */
public final class SlackEventsRoute implements Handler {

    public static final String PATH = "/slack/events";

    private final BoltBridge bolt;

    public SlackEventsRoute(BoltBridge bolt) {
        this.bolt = bolt;
    }

    @Override
    public void handle(Context ctx) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        HttpServletRequest req = ctx.req();
        for (String name : Collections.list(req.getHeaderNames())) {
            headers.put(name, Collections.list(req.getHeaders(name)));
        }
        // Slack signs the exact bytes it sent: decode them as UTF-8, whatever the request claims.
        String body = new String(ctx.bodyAsBytes(), StandardCharsets.UTF_8);
        Response response = bolt.run(new BoltBridge.RawRequest(ctx.path(), ctx.queryParamMap(), body, headers,
                ctx.ip()));
        write(ctx, response);
    }

    static void write(Context ctx, Response response) {
        ctx.status(response.getStatusCode());
        if (response.getHeaders() != null) {
            response.getHeaders().forEach((name, values) -> values.forEach(v -> ctx.res().addHeader(name, v)));
        }
        if (response.getContentType() != null) {
            ctx.contentType(response.getContentType());
        }
        if (response.getBody() != null) {
            ctx.result(response.getBody());
        }
    }
}
