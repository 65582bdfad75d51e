package dev.paperbot.bot.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Stops the bot, or a command's work, in order on SIGTERM or SIGINT (Ctrl-C), and only then lets the JVM shut down.
 *
 * <p>Why not a shutdown hook alone: ONNX Runtime closes its native environment in a shutdown hook of its own, and
 * the JVM runs all hooks at once, so an embedding still running on another thread crashed the JVM (SIGSEGV in
 * {@code OrtSession.run}) when the bot was stopped while it embedded papers. Handling the signal first lets the
 * work in flight finish before any hook runs; the command's main thread then returns and the JVM exits.
 */
final class StopSignals {

    private static final String[] SIGNALS = {"TERM", "INT"};

    private StopSignals() {
    }

    /**
     * For {@code serve}: runs {@code stop} once on SIGTERM or SIGINT; the caller waits for it to finish and then
     * returns. Also registered as a shutdown hook, for the other ways a JVM ends (then without the ordering
     * guarantee).
     */
    static void onStop(Runnable stop) {
        register(stop);
    }

    /**
     * For a command that works in the foreground, possibly with the embedding model ({@code embed}, {@code eval},
     * {@code search}): SIGTERM or SIGINT only ask it to stop. The work calls {@link Foreground#check()} where it can
     * stop cleanly (between batches, between queries), which then throws {@link Stopped}; the command ends, and
     * only then does the JVM shut down. Close it when the work is over: the previous handlers come back.
     */
    static Foreground foreground() {
        return new Foreground();
    }

    /** Asked for at a safe point after SIGTERM or SIGINT: the command ends without finishing its work. */
    static final class Stopped extends RuntimeException {
        private static final long serialVersionUID = 1L;

        /** The exit code of a command ended by Ctrl-C, as shells report it (128 + SIGINT). */
        static final int EXIT_CODE = 130;

        Stopped(String message) {
            super(message);
        }
    }

    /** One command's foreground work; see {@link #foreground()}. */
    static final class Foreground implements AutoCloseable {
        private final CountDownLatch ended = new CountDownLatch(1);
        private final Runnable unregister;
        private volatile boolean requested;

        private Foreground() {
            this.unregister = register(this::requestAndWait);
        }

        /**
         * A safe point.
         *
         * @throws Stopped when SIGTERM or SIGINT asked the work to stop
         */
        void check() {
            if (requested) {
                throw new Stopped("stopped (Ctrl-C or SIGTERM)");
            }
        }

        /** Signal thread (or shutdown hook): ask, then hold the JVM's shutdown until the work has ended. */
        private void requestAndWait() {
            requested = true;
            boolean interrupted = false;
            while (true) {
                try {
                    ended.await();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }

        /** The work is over: lets a waiting stop go on, and puts the previous handlers back. */
        @Override
        public void close() {
            ended.countDown();
            unregister.run();
        }
    }

    /** Installs the handlers and the hook; returns what undoes it. */
    private static Runnable register(Runnable stop) {
        AtomicBoolean done = new AtomicBoolean();
        Runnable once = () -> {
            if (done.compareAndSet(false, true)) {
                stop.run();
            }
        };
        Map<Signal, SignalHandler> previous = new LinkedHashMap<>();
        for (String name : SIGNALS) {
            Signal signal = new Signal(name);
            // A handler must not block the signal thread for long: stop on a thread of its own.
            previous.put(signal, Signal.handle(signal, s -> new Thread(once, "paperbot-stop").start()));
        }
        Thread hook = new Thread(once, "paperbot-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        return () -> {
            previous.forEach(Signal::handle);
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook runs (or ran) anyway, and finds the work over
            }
        };
    }
}
