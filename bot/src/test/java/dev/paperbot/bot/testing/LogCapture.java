package dev.paperbot.bot.testing;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.read.ListAppender;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.LoggerFactory;

/**
 * Everything logged while it is open, down to DEBUG, kept in memory for a test to read (for example to check that
 * no secret reaches any log line). The console appenders are detached meanwhile: the build's output would
 * otherwise carry thousands of DEBUG lines from the libraries.
 */
public final class LogCapture implements AutoCloseable {

    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final Level before = root.getLevel();
    private final List<Appender<ILoggingEvent>> detached = new ArrayList<>();
    private final ListAppender<ILoggingEvent> captured = new ListAppender<>();

    private LogCapture() {
        // Server threads may still log while a test reads the lines.
        captured.list = new CopyOnWriteArrayList<>();
        captured.start();
        for (Iterator<Appender<ILoggingEvent>> it = root.iteratorForAppenders(); it.hasNext();) {
            detached.add(it.next());
        }
        detached.forEach(root::detachAppender);
        root.addAppender(captured);
        root.setLevel(Level.DEBUG);
    }

    /** Starts capturing every log line at DEBUG and above. */
    public static LogCapture debug() {
        return new LogCapture();
    }

    /** Each line captured so far: its message, and its exception's message if it has one. */
    public List<String> lines() {
        return captured.list.stream().map(event -> event.getFormattedMessage()
                + (event.getThrowableProxy() == null ? "" : " " + event.getThrowableProxy().getMessage())).toList();
    }

    @Override
    public void close() {
        root.setLevel(before);
        root.detachAppender(captured);
        detached.forEach(root::addAppender);
    }
}
