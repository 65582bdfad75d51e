/**
 * Benchmarks run from the command line ({@code paperbot bench search}), never by the tests: index build time and
 * search latency on the embedded corpus, a BEIR collection or a generated corpus of any size.
 */
package dev.paperbot.index.bench;
