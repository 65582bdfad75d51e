/**
 * The index's document model: every field name ({@link dev.paperbot.index.document.PaperFields}) and the
 * conversion between papers and Lucene documents ({@link dev.paperbot.index.document.PaperDocuments}).
 */
package dev.paperbot.index.document;
