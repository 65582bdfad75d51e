package dev.paperbot.index.source.http;

/**
 * Parses a response body. Throwing {@link MalformedBodyException} (a truncated XML page, invalid JSON) makes the
 * client fetch the page again, like a 503 would, up to its attempt limit.
 */
@FunctionalInterface
public interface BodyParser<T> {

    T parse(String body) throws MalformedBodyException;

    /** The body could not be read as the expected format. */
    final class MalformedBodyException extends Exception {
        private static final long serialVersionUID = 1L;

        public MalformedBodyException(String message, Throwable cause) {
            super(message, cause);
        }

        public MalformedBodyException(String message) {
            super(message);
        }
    }
}
