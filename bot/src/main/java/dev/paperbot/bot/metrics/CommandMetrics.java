package dev.paperbot.bot.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Objects;

/**
 * Counts {@code /papers} commands as {@code paperbot.slack.commands}, once each when its answer is out: {@code kind}
 * is the subcommand ({@code search}, {@code subscribe}, {@code digest_now}, ..., {@code invalid} for input that could
 * not work), {@code outcome} is {@code ok} or {@code failed} (the user got an apology; details are in the log), and
 * {@code reply} says how the answer reached the user: {@code ack} (inline, within Slack's 3 seconds),
 * {@code response_url} or {@code ephemeral} (late, after the ack), or {@code lost}. A request that is no command
 * Slack would send counts as kind {@code unknown}, outcome {@code rejected}, reply {@code none}.
 */
public final class CommandMetrics {

    static final String NAME = "paperbot.slack.commands";

    private final MeterRegistry registry;

    public CommandMetrics(MeterRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    /** A command answered; {@code reply} is one of the values above. */
    public void answered(String kind, boolean failed, String reply) {
        count(kind, failed ? "failed" : "ok", reply);
    }

    public void rejected() {
        count("unknown", "rejected", "none");
    }

    private void count(String kind, String outcome, String reply) {
        Counter.builder(NAME).description("/papers commands by subcommand, outcome and how the answer went out")
                .tags("kind", kind, "outcome", outcome, "reply", reply).register(registry).increment();
    }
}
