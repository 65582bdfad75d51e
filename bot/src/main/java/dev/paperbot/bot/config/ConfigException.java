package dev.paperbot.bot.config;

/** Configuration that cannot work; the message is one line that names the variable and says what to do. */
public final class ConfigException extends RuntimeException {

    public ConfigException(String message) {
        super(message);
    }
}
