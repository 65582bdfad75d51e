package dev.paperbot.index.embed;

/** The embedding model cannot be used here; the message says why, in a line fit for a log or a terminal. */
public final class EmbedderUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public EmbedderUnavailableException(String message) {
        super(message);
    }

    public EmbedderUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
