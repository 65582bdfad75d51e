package dev.paperbot.bot.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * A command's foreground work under real signals, raised in this JVM: SIGINT only asks the work to stop at its next
 * safe point, and closing the work puts the handler that was there before back. A probe handler stands in for the
 * JVM's own (which would shut the test JVM down).
 */
class StopSignalsTest {

    private static final Signal INT = new Signal("INT");

    private final CountDownLatch probed = new CountDownLatch(1);
    private SignalHandler original;

    @BeforeEach
    void installProbe() {
        original = Signal.handle(INT, signal -> probed.countDown());
    }

    @AfterEach
    void restore() {
        Signal.handle(INT, original);
    }

    @Test
    void ctrl_c_asks_the_work_to_stop_at_its_next_check_and_closing_restores_the_previous_handler() throws Exception {
        try (StopSignals.Foreground work = StopSignals.foreground()) {
            assertThatCode(work::check).doesNotThrowAnyException();

            Signal.raise(INT);

            // The handler runs on the JVM's signal thread: wait until the work sees the request.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!(catchThrowable(work::check) instanceof StopSignals.Stopped) && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(catchThrowable(work::check)).isInstanceOf(StopSignals.Stopped.class)
                    .hasMessageContaining("stopped");
            assertThat(probed.getCount()).as("the previous handler is not called while the work runs").isOne();
        }

        Signal.raise(INT);
        assertThat(probed.await(30, TimeUnit.SECONDS)).as("the previous handler is back").isTrue();
    }
}
