package dev.paperbot.bot;

import dev.paperbot.bot.cli.BenchCommand;
import dev.paperbot.bot.cli.Cli;
import dev.paperbot.bot.cli.EmbedCommand;
import dev.paperbot.bot.cli.EvalCommand;
import dev.paperbot.bot.cli.ImportCommand;
import dev.paperbot.bot.cli.IngestCommand;
import dev.paperbot.bot.cli.SearchCommand;
import dev.paperbot.bot.cli.ServeCommand;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The entry point of {@code bin/paperbot}: parses the command line and runs one subcommand. The only place that
 * reads the environment: everything else gets its settings passed in.
 */
@Command(
        name = "paperbot",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = "A Slack bot that recommends research papers.",
        subcommands = {CommandLine.HelpCommand.class, SearchCommand.class, ImportCommand.class, EvalCommand.class,
                ServeCommand.class, BenchCommand.class, IngestCommand.class, EmbedCommand.class})
public final class Main implements Runnable, Cli.Context {

    /**
     * Lucene logs through java.util.logging that it found (or did not find) its vectorized code; on a command line
     * that is noise. Held here so the logger and its level are not garbage collected.
     */
    private static final java.util.logging.Logger LUCENE_VECTOR_LOG =
            java.util.logging.Logger.getLogger("org.apache.lucene.internal.vectorization");

    private final Path home;
    private final Map<String, String> environment;

    Main(Path home) {
        this(home, Map.of());
    }

    Main(Path home, Map<String, String> environment) {
        this.home = home;
        this.environment = Map.copyOf(environment);
    }

    public static void main(String[] args) {
        LUCENE_VECTOR_LOG.setLevel(java.util.logging.Level.WARNING);
        Map<String, String> env = System.getenv();
        System.exit(Cli.commandLine(new Main(dataDirectory(env, System.getProperty("user.home")), env))
                .execute(args));
    }

    /** The data directory: {@code $PAPERBOT_HOME}, or {@code ~/.paperbot}. */
    static Path dataDirectory(Map<String, String> env, String userHome) {
        String configured = env.get("PAPERBOT_HOME");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured.strip()).toAbsolutePath();
        }
        return Path.of(userHome, ".paperbot");
    }

    @Override
    public Path home() {
        return home;
    }

    @Override
    public Map<String, String> environment() {
        return environment;
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"paperbot " + (v == null ? "dev" : v)};
        }
    }
}
