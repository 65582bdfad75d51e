/**
 * The bot's metrics, served by {@code GET /metrics} in Prometheus' text format.
 *
 * <p>{@link dev.paperbot.bot.metrics.BotMetrics} makes one Micrometer registry per running bot (no global one) and
 * the runtime hands it to each part through its constructor; each class here counts one thing where it happens:
 * {@code /papers} commands, button presses (a Bolt middleware), searches (a timer with histogram buckets), Slack HTTP
 * calls (an OkHttp interceptor in every Slack client), digest runs, scheduled ingestion, and the index as gauges. The
 * picks cache is bound with Micrometer's {@code CaffeineCacheMetrics} over the Caffeine cache core exposes; core
 * itself knows nothing of Micrometer.
 *
 * <p>Tags take a few known values only: never a workspace, channel or user id, a query or a token. Slack error codes
 * outside the list the bot acts on become {@code other}.
 */
package dev.paperbot.bot.metrics;
