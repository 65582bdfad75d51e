/**
 * The paper index on Lucene, behind {@link dev.paperbot.core.search.PaperIndex}.
 *
 * <p>{@link dev.paperbot.index.search.PaperIndexes} opens one (a directory, read-only, in memory, or shared by
 * processes of one machine: one writes, the others follow its commits and one of them takes over when it stops) as
 * a {@link dev.paperbot.index.search.LuceneIndex}. A search goes: untrusted text, cut into words and quoted phrases
 * ({@code UserQueryParser}, capped in length and words); analysed terms weighted as a bag of words, a split word's
 * parts and joined form as alternatives, phrases required ({@code LexicalQueryBuilder}: only term and phrase
 * queries); filters (excluded ids, added after) as a separate query; top-k BM25 retrieval without exact hit
 * counting; then, for the returned page only, stored papers, highlighted snippets ({@code SnippetHighlighter}) and
 * the matched words read from the postings. A second retrieval path (vectors) plugs in at {@code retrieve}: it gets
 * the same filter query, and its ranking is fused with BM25's before the page is built.
 *
 * <p>Writes: {@code upsert} is one commit; {@link dev.paperbot.index.search.BulkLoader} is the bulk path (large
 * buffer, periodic commits, no id look-ups into an empty index). A paper's first-added instant survives its
 * replacement.
 */
package dev.paperbot.index.search;
