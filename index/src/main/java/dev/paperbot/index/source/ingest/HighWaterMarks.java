package dev.paperbot.index.source.ingest;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Function;

/**
 * Where each incremental harvest got to (for OAI-PMH: the date to ask {@code from} next time; for scheduled
 * ingestion: when each source last ran successfully), kept in a small properties file beside the index. Written by
 * replacing the whole file atomically, so a crash leaves the old marks.
 */
public final class HighWaterMarks {

    /** The marks' file in the data directory, shared by {@code paperbot ingest} and the bot's schedule. */
    public static final String FILE_NAME = "ingest-state.properties";

    private final Path file;

    public HighWaterMarks(Path file) {
        this.file = file;
    }

    /** The marks kept in the data directory {@code home}. */
    public static HighWaterMarks in(Path home) {
        return new HighWaterMarks(home.resolve(FILE_NAME));
    }

    /** A date mark (an OAI set's next {@code from}); empty when absent or unreadable. */
    public Optional<LocalDate> get(String key) {
        return parsed(key, LocalDate::parse);
    }

    public void put(String key, LocalDate date) {
        store(key, date.toString());
    }

    /** An instant mark (when a scheduled run last succeeded); empty when absent or unreadable. */
    public Optional<Instant> instant(String key) {
        return parsed(key, Instant::parse);
    }

    public void put(String key, Instant instant) {
        store(key, instant.toString());
    }

    private synchronized <T> Optional<T> parsed(String key, Function<String, T> parse) {
        String value = load().getProperty(key);
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(parse.apply(value.strip()));
        } catch (DateTimeParseException e) {
            return Optional.empty(); // a hand-edited, broken mark means "start over", not a crash
        }
    }

    private synchronized void store(String key, String value) {
        Properties props = load();
        props.setProperty(key, value);
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                props.store(w, "paperbot ingestion high-water marks: the next incremental harvest starts here");
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private Properties load() {
        Properties props = new Properties();
        if (Files.exists(file)) {
            try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                props.load(r);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
        }
        return props;
    }
}
