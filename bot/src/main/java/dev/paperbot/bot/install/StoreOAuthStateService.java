package dev.paperbot.bot.install;

import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.service.OAuthStateService;
import dev.paperbot.core.store.OAuthStateStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Bolt's {@link OAuthStateService} over the store: {@code /slack/install} issues a state value into the installer's
 * browser cookie and the store; the callback must bring the same value in its query and its cookie, and the store
 * must still hold it unexpired. Any replica can check a value another one issued.
 *
 * <p>Checking uses the value up at once, in one statement of the store: two callbacks racing with one value (a
 * replayed redirect) cannot both pass. Bolt's default checks first and deletes only after {@code oauth.v2.access}.
 */
final class StoreOAuthStateService implements OAuthStateService {

    private final OAuthStateStore states;
    private final Clock clock;

    StoreOAuthStateService(OAuthStateStore states, Clock clock) {
        this.states = states;
        this.clock = clock;
    }

    @Override
    public void addNewStateToDatastore(String state) {
        Instant now = clock.instant();
        states.issue(state, now, now.plus(Duration.ofSeconds(getExpirationInSeconds())));
    }

    @Override
    public boolean isValid(Request request) {
        String given = extractStateFromQueryString(request);
        String inSession = extractStateFromSession(request);
        if (given == null || given.isBlank() || !given.equals(inSession)) {
            return false;
        }
        return states.consume(given, clock.instant());
    }

    /** The state value in the installer's cookie; null when absent or empty (Bolt's own would throw then). */
    @Override
    public String extractStateFromSession(Request request) {
        List<String> headers = request.getHeaders().getMultipleValues("Cookie");
        if (headers == null) {
            return null;
        }
        String prefix = getSessionCookieName() + "=";
        for (String header : headers) {
            for (String cookie : header.split(";")) {
                String c = cookie.strip();
                if (c.startsWith(prefix) && c.length() > prefix.length()) {
                    return c.substring(prefix.length());
                }
            }
        }
        return null;
    }

    @Override
    public boolean isAvailableInDatabase(String state) {
        return states.isValid(state, clock.instant());
    }

    /** After a successful install; {@link #isValid} used the value up already, so this finds nothing to delete. */
    @Override
    public void deleteStateFromDatastore(String state) {
        if (state != null) {
            states.consume(state, clock.instant());
        }
    }
}
