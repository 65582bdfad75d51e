package dev.paperbot.bot.install;

import com.slack.api.bolt.App;
import com.slack.api.bolt.response.Response;
import dev.paperbot.bot.config.Distribution;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pages an installer sees when an install does not work out, with a status that says so (Bolt's defaults answer
 * 200 to everything): a state that is unknown, expired, used already or not this browser's gets 400, as does a code
 * Slack will not exchange; a failure on our side gets 500. Every page links back to {@code /slack/install}.
 */
final class OAuthPages {

    private static final Logger LOG = LoggerFactory.getLogger(OAuthPages.class);

    private OAuthPages() {
    }

    static void register(App app) {
        app.oauthCallbackStateError((request, response) -> {
            LOG.info("install callback refused: its state is unknown, expired, used already or from another browser");
            return page(response, 400, "This install link has expired or was already used.");
        });
        app.oauthCallbackAccessError((com.slack.api.bolt.service.builtin.oauth.OAuthV2AccessErrorHandler)
                (request, response, apiResponse) -> {
                    LOG.warn("Slack refused to exchange the install code: {}", apiResponse.getError());
                    return page(response, 400, "Slack did not confirm the install ("
                            + apiResponse.getError() + ").");
                });
        app.oauthCallbackException((request, response, e) -> {
            LOG.error("install callback failed", e);
            return page(response, 500, "The install could not be completed on our side.");
        });
    }

    private static Response page(Response response, int status, String message) {
        response.setStatusCode(status);
        response.setContentType("text/html; charset=utf-8");
        response.setBody("<!doctype html><html><head><meta charset=\"utf-8\"><title>paperbot</title></head><body>"
                + "<h2>paperbot was not installed</h2><p>" + escape(message) + " <a href=\""
                + Distribution.INSTALL_PATH + "\">Start the install again</a>.</p></body></html>");
        return response;
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
