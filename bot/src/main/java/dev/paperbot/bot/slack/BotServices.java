package dev.paperbot.bot.slack;

import dev.paperbot.bot.activity.PaperActivity;
import dev.paperbot.bot.index.IndexHolder;
import dev.paperbot.bot.subscription.SubscriptionCommands;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ExecutorService;

/**
 * What the Slack listeners work with, handed to each through its constructor.
 *
 * @param index         the paper index (maybe still opening)
 * @param subscriptions subscriptions and digests behind {@code /papers subscribe ...}
 * @param activity      saved / shared / not-interested papers
 * @param worker        runs the slow part of a request after the ack
 * @param ackBudget     how long a slash command may work before it acks empty and answers via response_url
 *                      instead (Slack wants the ack within 3 s); zero answers every command that way
 * @param clock         today's date for {@code /papers trending}
 * @param meters        where commands, buttons, searches and Slack calls are counted ({@code GET /metrics})
 */
public record BotServices(
        IndexHolder index,
        SubscriptionCommands subscriptions,
        PaperActivity activity,
        ExecutorService worker,
        Duration ackBudget,
        Clock clock,
        MeterRegistry meters) {

    public static final Duration DEFAULT_ACK_BUDGET = Duration.ofMillis(1500);

    public BotServices {
        Objects.requireNonNull(index, "index");
        Objects.requireNonNull(subscriptions, "subscriptions");
        Objects.requireNonNull(activity, "activity");
        Objects.requireNonNull(worker, "worker");
        Objects.requireNonNull(ackBudget, "ackBudget");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(meters, "meters");
    }
}
