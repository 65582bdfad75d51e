package dev.paperbot.index.source.http;

/** A request that failed for good (after its retries); the message names the URL and why, in one line. */
public final class FetchException extends Exception {

    private static final long serialVersionUID = 1L;

    public FetchException(String message) {
        super(message);
    }

    public FetchException(String message, Throwable cause) {
        super(message, cause);
    }
}
