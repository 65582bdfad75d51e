package dev.paperbot.bot;

import dev.paperbot.bot.cli.Cli;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine;

/** One run of the command line, in-process on the test's own data directory: exit code and what it printed. */
record CliRun(int exitCode, String out, String err) {

    static CliRun run(Path home, Map<String, String> environment, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = Cli.commandLine(new Main(home, environment));
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args);
        return new CliRun(code, out.toString(), err.toString());
    }

    static CliRun run(Path home, String... args) {
        return run(home, Map.of(), args);
    }
}
