package dev.paperbot.bot.metrics;

import dev.paperbot.bot.digest.DigestPoster;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Counts digest runs as {@code paperbot.digests}, scheduled and {@code digest now} alike, by {@code outcome}
 * ({@link DigestPoster.Outcome} in lower case: {@code posted}, {@code empty}, {@code quiet}, {@code already_done},
 * {@code busy} for a channel-day another replica has claimed, {@code paused}, {@code failed}, {@code retry_later},
 * ...) and {@code reason}: the Slack error or pause reason of {@code paused}, {@code not_installed}, {@code failed}
 * and {@code retry_later} when the bot knows it ({@code channel_not_found}, ...), else {@code other}; {@code none}
 * for the other outcomes. A run that throws instead (a store error, a bug; the log has the stack trace) counts as
 * {@code outcome="error"}, {@code reason="none"}.
 */
public final class DigestMetrics implements DigestPoster.Outcomes {

    static final String NAME = "paperbot.digests";

    private static final Set<DigestPoster.Outcome> WITH_REASON = Set.of(DigestPoster.Outcome.PAUSED,
            DigestPoster.Outcome.NOT_INSTALLED, DigestPoster.Outcome.FAILED, DigestPoster.Outcome.RETRY_LATER);

    private final MeterRegistry registry;

    public DigestMetrics(MeterRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    @Override
    public void record(DigestPoster.Result result) {
        String reason = WITH_REASON.contains(result.outcome()) ? SlackErrors.tag(result.detail()) : SlackErrors.NONE;
        count(result.outcome().name().toLowerCase(Locale.ROOT), reason);
    }

    @Override
    public void threw(RuntimeException e) {
        count("error", SlackErrors.NONE);
    }

    private void count(String outcome, String reason) {
        Counter.builder(NAME).description("Digest runs by outcome and reason")
                .tags("outcome", outcome, "reason", reason).register(registry).increment();
    }
}
