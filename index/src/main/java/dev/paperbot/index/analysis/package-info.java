/**
 * Text analysis for papers: {@link dev.paperbot.index.analysis.PaperAnalyzer}, the one analyzer used to index and
 * to query, so that both sides always produce the same terms.
 */
package dev.paperbot.index.analysis;
