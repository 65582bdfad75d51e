package dev.paperbot.index.search;

import dev.paperbot.core.search.Snippet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageFormatter;

/**
 * Formats highlighter passages as a {@link Snippet}: plain text fragments, the matched words flagged, with an
 * ellipsis where the passage does not start or end with the abstract. No markup: each front end escapes and marks
 * highlights its own way.
 */
final class SnippetFormatter extends PassageFormatter {

    static final String ELLIPSIS = "…";

    @Override
    public Snippet format(Passage[] passages, String content) {
        List<Snippet.Fragment> fragments = new ArrayList<>();
        int previousEnd = 0;
        for (Passage passage : passages) {
            int start = passage.getStartOffset();
            int end = passage.getEndOffset();
            if (start > previousEnd || (start > 0 && fragments.isEmpty())) {
                plain(fragments, fragments.isEmpty() ? ELLIPSIS : " " + ELLIPSIS + " ");
            }
            int pos = start;
            for (int[] match : mergedMatches(passage, content)) {
                int from = Math.max(match[0], pos);
                int to = Math.min(match[1], end);
                if (from >= to) {
                    continue;
                }
                plain(fragments, content.substring(pos, from));
                fragments.add(new Snippet.Fragment(content.substring(from, to), true));
                pos = to;
            }
            plain(fragments, content.substring(pos, end));
            previousEnd = end;
        }
        if (!fragments.isEmpty() && previousEnd < content.length()) {
            plain(fragments, ELLIPSIS);
        }
        return trim(fragments);
    }

    /**
     * Match offsets sorted and merged: split and joined forms of one word overlap, and the parts of a hyphenated
     * word ({@code pre-training}) read best as one highlight.
     */
    private static List<int[]> mergedMatches(Passage passage, String content) {
        int n = passage.getNumMatches();
        int[][] matches = new int[n][];
        for (int i = 0; i < n; i++) {
            matches[i] = new int[] {passage.getMatchStarts()[i], passage.getMatchEnds()[i]};
        }
        Arrays.sort(matches, (x, y) -> Integer.compare(x[0], y[0]));
        List<int[]> merged = new ArrayList<>(n);
        for (int[] m : matches) {
            int[] last = merged.isEmpty() ? null : merged.getLast();
            boolean hyphenBetween = last != null && m[0] == last[1] + 1 && content.charAt(last[1]) == '-';
            if (last != null && (m[0] <= last[1] || hyphenBetween)) {
                last[1] = Math.max(last[1], m[1]);
            } else {
                merged.add(m.clone());
            }
        }
        return merged;
    }

    private static void plain(List<Snippet.Fragment> fragments, String text) {
        if (text.isEmpty()) {
            return;
        }
        if (!fragments.isEmpty() && !fragments.getLast().highlighted()) {
            // Adjacent plain runs become one fragment.
            String joined = fragments.removeLast().text() + text;
            fragments.add(new Snippet.Fragment(joined, false));
        } else {
            fragments.add(new Snippet.Fragment(text, false));
        }
    }

    /** Passages come with the line breaks and spaces of the abstract around them. */
    private static Snippet trim(List<Snippet.Fragment> fragments) {
        List<Snippet.Fragment> out = new ArrayList<>(fragments.size());
        for (Snippet.Fragment f : fragments) {
            out.add(new Snippet.Fragment(f.text().replaceAll("\\s+", " "), f.highlighted()));
        }
        if (!out.isEmpty() && !out.getFirst().highlighted()) {
            out.set(0, new Snippet.Fragment(out.getFirst().text().stripLeading(), false));
        }
        if (!out.isEmpty() && !out.getLast().highlighted()) {
            out.set(out.size() - 1, new Snippet.Fragment(out.getLast().text().stripTrailing(), false));
        }
        out.removeIf(f -> f.text().isEmpty());
        return new Snippet(out);
    }
}
