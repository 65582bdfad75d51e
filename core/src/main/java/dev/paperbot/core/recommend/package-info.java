/**
 * Daily picks: which papers a channel's digest brings on a local day, and why.
 *
 * <p>For each topic (keywords, or an author through {@code SearchQuery.Field.AUTHORS}) the index is searched for
 * papers added since the channel's previous digest (at most a configurable window back). One search serves every
 * channel that follows the same topic with the same window start (rounded down to the hour) for a few minutes, and
 * its hits are put once in a diversified order (maximal marginal relevance on term overlap). Each channel then walks
 * that order, skipping papers it was posted or dismissed, papers picked for an earlier topic, and near-copies of
 * papers it already picked.
 *
 * <p>A {@code trending} topic is not searched: it brings the papers with the most upvotes on Hugging Face's daily
 * lists of the window's days ({@link dev.paperbot.core.search.PopularitySignals}, through {@link
 * dev.paperbot.core.recommend.TrendingPapers}), skipping the same papers, each with its upvotes as the reason.
 *
 * <p>{@link dev.paperbot.core.recommend.Recommenders#create} caches the picks per (workspace, channel, local date)
 * in Caffeine until the channel's local midnight, so {@code digest preview} and the digest show the same papers; a
 * topic change (this process's {@code invalidate}, or any process's through the store's topics version) recomputes.
 */
package dev.paperbot.core.recommend;
