/**
 * The bot's durable state: per workspace and channel, the followed topics, digest settings, reactions, posted papers
 * and daily digest runs.
 *
 * <p>Open it with {@link dev.paperbot.core.store.Stores#open}: an SQLite file in {@code PAPERBOT_HOME} by default, or
 * PostgreSQL when a JDBC URL is configured; the same SQL and the same Flyway migrations
 * ({@code resources/dev/paperbot/core/store/migration}) serve both. Every query is scoped by {@code team_id}: a
 * workspace can neither read nor change another's rows, even where channel or user ids coincide.
 *
 * <p>Exactly-once digests: the {@code digest_run} row of a channel and local day is the claim. A process claims it
 * with a lease, records its intent (papers, number of messages), records each message right after Slack accepts it,
 * and finishes it. A process that dies mid-run leaves the lease to run out; the next claimer takes the run over with
 * the intent and progress intact, and writes from the old owner are fenced off by the claim's attempt number.
 *
 * <p>Installations (the bot distributed to many workspaces through Slack's OAuth flow): one row per workspace with
 * its bot token, refresh token and scopes; tokens are sealed with AES-256-GCM ({@link
 * dev.paperbot.core.store.TokenCipher}, key from the bot's configuration) before they are written, bound to their
 * row, so the database never holds a usable token. OAuth {@code state} values live in the store too (as hashes),
 * each good once until it expires, so any process sharing the database can finish an install another one started.
 */
package dev.paperbot.core.store;
