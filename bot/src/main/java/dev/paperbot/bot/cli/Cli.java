package dev.paperbot.bot.cli;

import dev.paperbot.index.search.IndexLockedException;
import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/** Shared set-up of the command line: one friendly line on stderr for every error, never a stack trace. */
public final class Cli {

    private static final Logger log = LoggerFactory.getLogger(Cli.class);

    /** What subcommands get from the top-level command. */
    public interface Context {
        /** The data directory ({@code PAPERBOT_HOME}). */
        Path home();

        /** The environment the process was started with (read once, by {@code Main}). */
        default Map<String, String> environment() {
            return Map.of();
        }

        default Path indexDirectory() {
            return home().resolve("index");
        }
    }

    /** A user error with a message fit to show as is. */
    public static final class UserError extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public UserError(String message) {
            super(message);
        }
    }

    private Cli() {
    }

    /** The command line for a top-level command, with paperbot's error handling. */
    public static CommandLine commandLine(Object command) {
        CommandLine cli = new CommandLine(command);
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        // Dates (ingest, import filters): say what is expected, not which exception the parser threw.
        cli.registerConverter(java.time.LocalDate.class, text -> {
            try {
                return java.time.LocalDate.parse(text.strip());
            } catch (java.time.format.DateTimeParseException e) {
                throw new CommandLine.TypeConversionException("'" + text + "' is not a date (YYYY-MM-DD)");
            }
        });
        cli.setParameterExceptionHandler((e, args) -> {
            PrintWriter err = e.getCommandLine().getErr();
            err.println("paperbot: " + e.getMessage());
            err.println("Try '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
            err.flush();
            return CommandLine.ExitCode.USAGE;
        });
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            PrintWriter err = commandLine.getErr();
            err.println("paperbot: " + message(e));
            err.flush();
            log.debug("command failed", e);
            return e instanceof StopSignals.Stopped ? StopSignals.Stopped.EXIT_CODE : CommandLine.ExitCode.SOFTWARE;
        });
        return cli;
    }

    /** One line that says what went wrong, in the user's terms. */
    static String message(Throwable e) {
        return switch (e) {
            case UserError u -> u.getMessage();
            case StopSignals.Stopped stopped -> stopped.getMessage();
            case IndexLockedException locked -> locked.getMessage() + "; stop it first, or search while it runs";
            case NoSuchFileException missing -> "no such file: " + missing.getFile();
            case AccessDeniedException denied -> "permission denied: " + denied.getFile();
            case java.io.UncheckedIOException io -> message(io.getCause());
            default -> (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())
                    + " (PAPERBOT_LOG_LEVEL=DEBUG shows details)";
        };
    }
}
