package dev.paperbot.bot.http;

import com.slack.api.bolt.App;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.util.SlackRequestParser;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands one raw HTTP request to Bolt: {@link SlackRequestParser} turns it into a typed request, {@code app.run}
 * verifies the signature (401 when it is bad, stale or missing) and calls the listener. Bodies Bolt cannot make
 * sense of get 400, never a 5xx.
 */
public final class BoltBridge {

    private static final Logger log = LoggerFactory.getLogger(BoltBridge.class);

    private final App app;
    private final SlackRequestParser parser;

    public BoltBridge(App app) {
        this.app = app;
        this.parser = new SlackRequestParser(app.config());
    }

    /** The request as received: path, query, body, all headers, remote address. */
    public record RawRequest(String path, Map<String, List<String>> query, String body,
            Map<String, List<String>> headers, String remoteAddress) {
    }

    public Response run(RawRequest raw) {
        Request<?> request;
        try {
            request = parser.parse(SlackRequestParser.HttpRequest.builder()
                    .requestUri(raw.path())
                    .queryString(raw.query())
                    .requestBody(raw.body())
                    .headers(new RequestHeaders(raw.headers()))
                    .remoteAddress(raw.remoteAddress())
                    .build());
        } catch (RuntimeException e) {
            // Malformed JSON, a payload without the fields its type needs, ...
            log.debug("Unparseable Slack request body: {}", e.toString());
            return badRequest();
        }
        if (request == null) {
            return badRequest();
        }
        try {
            Response response = app.run(request);
            return response == null ? badRequest() : response;
        } catch (Exception e) {
            log.error("Bolt failed on a {} request", request.getRequestType(), e);
            return Response.builder().statusCode(500).contentType("text/plain").body("internal error").build();
        }
    }

    private static Response badRequest() {
        return Response.builder().statusCode(400).contentType("text/plain").body("unsupported request").build();
    }
}
