package dev.paperbot.bot.cli;

import java.util.concurrent.atomic.AtomicBoolean;
import sun.misc.Signal;

/**
 * Stops the bot in order on SIGTERM or SIGINT (Ctrl-C), and only then lets the JVM shut down.
 *
 * <p>Why not a shutdown hook alone: ONNX Runtime closes its native environment in a shutdown hook of its own, and
 * the JVM runs all hooks at once, so an embedding still running on another thread crashed the JVM (SIGSEGV in
 * {@code OrtSession.run}) when the bot was stopped while it embedded papers. Handling the signal first lets the
 * bot finish its in-flight work before any hook runs; the command's main thread then returns and the JVM exits.
 */
final class StopSignals {

    private StopSignals() {
    }

    /**
     * Runs {@code stop} once on SIGTERM or SIGINT; the caller waits for it to finish and then returns. Also
     * registered as a shutdown hook, for the other ways a JVM ends (then without the ordering guarantee).
     */
    static void onStop(Runnable stop) {
        AtomicBoolean done = new AtomicBoolean();
        Runnable once = () -> {
            if (done.compareAndSet(false, true)) {
                stop.run();
            }
        };
        for (String name : new String[] {"TERM", "INT"}) {
            // A handler must not block the signal thread for long: stop on a thread of its own.
            Signal.handle(new Signal(name), signal -> new Thread(once, "paperbot-stop").start());
        }
        Runtime.getRuntime().addShutdownHook(new Thread(once, "paperbot-shutdown"));
    }
}
