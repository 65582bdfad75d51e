package dev.paperbot.bot.config;

/** Configuration that cannot work; the message is one line that names the variable and says what to do. */
public final class ConfigException extends RuntimeException {

    public ConfigException(String message) {
        super(message);
    }

    /** Checks a whole-number setting at the edge, naming the variable and its range. */
    static int checkRange(String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw new ConfigException(name + " must be a whole number from " + min + " to " + max + ", was " + value);
        }
        return value;
    }
}
