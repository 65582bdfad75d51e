package dev.paperbot.core.store;

/** The database failed or could not be reached; the message names what was attempted. */
public final class StoreException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
