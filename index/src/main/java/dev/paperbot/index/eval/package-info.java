/**
 * Relevance evaluation on BEIR collections: judgements ({@link dev.paperbot.index.eval.Qrels}), metrics computed
 * as trec_eval does ({@link dev.paperbot.index.eval.Metrics}), a run into a temporary index through the real import
 * and search paths ({@link dev.paperbot.index.eval.BeirEvaluation}) and pinned expected scores
 * ({@link dev.paperbot.index.eval.ExpectedScores}, {@code NAME.json} beside this package's resources).
 */
package dev.paperbot.index.eval;
