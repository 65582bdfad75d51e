package dev.paperbot.bot;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The entry point of {@code bin/paperbot}: parses the command line and runs one subcommand. */
@Command(
        name = "paperbot",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = "A Slack bot that recommends research papers.",
        subcommands = {CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    public static void main(String[] args) {
        System.exit(new CommandLine(new Main()).execute(args));
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
