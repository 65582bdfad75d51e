package dev.paperbot.bot.config;

import java.util.Objects;

/** A token or secret: its {@link #toString()} never shows the value, so it cannot end up in a log line by accident. */
public record Secret(String value) {

    public Secret {
        Objects.requireNonNull(value, "secret");
    }

    /** The secret itself, for the one call that needs it (the Slack SDK). */
    public String reveal() {
        return value;
    }

    @Override
    public String toString() {
        return "Secret[****]";
    }
}
