package dev.paperbot.core.store;

import java.time.LocalDate;
import java.util.Objects;

/**
 * Proof that this process holds a channel-day's digest run. Every later write about the run passes it back, and
 * the store refuses the write once another process has taken the run over (its {@code attempt} no longer matches).
 *
 * @param run the run as it was right after claiming: a run taken over from a killed process still carries that
 *            process's recorded intent and progress
 */
public record DigestClaim(DigestRun run) {

    public DigestClaim {
        Objects.requireNonNull(run, "run");
    }

    public ChannelRef channel() {
        return run.channel();
    }

    public LocalDate day() {
        return run.day();
    }

    public String owner() {
        return run.owner();
    }

    public int attempt() {
        return run.attempt();
    }
}
