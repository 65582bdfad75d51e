package dev.paperbot.bot.metrics;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.util.http.SlackHttpClient;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Response;

/**
 * Counts every HTTP call a Slack client makes, Web API methods and posts to {@code response_url}s alike, as
 * {@code paperbot.slack.api.calls} with three tags: {@code method} ({@code chat.postMessage}, ...; every
 * {@code response_url} is {@code response_url}, since those URLs name the workspace), {@code result} ({@code ok},
 * {@code rate_limited} for a 429, {@code server_error} for a 5xx, {@code client_error} for another HTTP error,
 * {@code permanent_error} for an {@code ok:false} code that pauses digests, {@code error} for any other
 * {@code ok:false}, {@code network_error} when no answer came) and {@code error} (Slack's code when the bot knows
 * it, {@code other}, or {@code none}). A retried call counts once per attempt. It sits in the client's OkHttp chain,
 * so it sees the 429s and 5xx that the SDK turns into exceptions before any response listener would.
 */
public final class SlackApiCalls implements Interceptor {

    static final String NAME = "paperbot.slack.api.calls";
    static final String RESPONSE_URL = "response_url";

    /** Web API method names: {@code chat.postMessage}, {@code oauth.v2.access}. */
    private static final Pattern METHOD = Pattern.compile("[a-z]+(\\.[a-zA-Z0-9]+){1,3}");
    /** Enough of a body to find its top-level {@code ok} and {@code error}, which Slack puts first. */
    private static final long PEEK_BYTES = 16 * 1024;
    private static final JsonFactory JSON = new JsonFactory();

    private final MeterRegistry registry;

    public SlackApiCalls(MeterRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    /** A Slack client made from {@code config} whose calls are counted here. */
    public Slack slack(SlackConfig config) {
        OkHttpClient http = SlackHttpClient.buildOkHttpClient(config).newBuilder().addInterceptor(this).build();
        return Slack.getInstance(config, new SlackHttpClient(http));
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        String method = method(chain.request().url());
        Response response;
        try {
            response = chain.proceed(chain.request());
        } catch (IOException e) {
            count(method, "network_error", SlackErrors.NONE);
            throw e;
        }
        int status = response.code();
        if (status == 429) {
            count(method, "rate_limited", SlackErrors.NONE);
        } else if (status >= 500) {
            count(method, "server_error", SlackErrors.NONE);
        } else if (status >= 300) {
            count(method, "client_error", SlackErrors.NONE);
        } else if (method.equals(RESPONSE_URL)) {
            count(method, "ok", SlackErrors.NONE);
        } else {
            String error = okFalseError(response);
            if (error == null) {
                count(method, "ok", SlackErrors.NONE);
            } else {
                count(method, SlackErrors.permanent(error) ? "permanent_error" : "error", SlackErrors.tag(error));
            }
        }
        return response;
    }

    private void count(String method, String result, String error) {
        Counter.builder(NAME).description("HTTP calls to Slack's Web API and to response_urls")
                .tags("method", method, "result", result, "error", error).register(registry).increment();
    }

    /** The method a Web API URL calls ({@code .../api/chat.postMessage}); anything else is a response_url. */
    static String method(HttpUrl url) {
        List<String> segments = url.pathSegments();
        int n = segments.size();
        if (n >= 2 && segments.get(n - 2).equals("api") && METHOD.matcher(segments.get(n - 1)).matches()) {
            return segments.get(n - 1);
        }
        return RESPONSE_URL;
    }

    /** The {@code error} of an {@code ok:false} answer ({@code ""} when it names none); null when it is not one. */
    private static String okFalseError(Response response) {
        Boolean ok = null;
        String error = "";
        try (JsonParser json = JSON.createParser(response.peekBody(PEEK_BYTES).bytes())) {
            if (json.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            while ((ok == null || !ok && error.isEmpty()) && json.nextToken() == JsonToken.FIELD_NAME) {
                String field = json.currentName();
                JsonToken value = json.nextToken();
                if (field.equals("ok")) {
                    ok = value == JsonToken.VALUE_TRUE;
                } else if (field.equals("error") && value == JsonToken.VALUE_STRING) {
                    error = json.getText();
                } else {
                    json.skipChildren();
                }
            }
        } catch (IOException e) {
            // Not JSON, or cut off: what was read so far says as much as can be told.
        }
        return Boolean.FALSE.equals(ok) ? error : null;
    }
}
