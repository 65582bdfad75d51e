package dev.paperbot.bot.slack.view;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.element.BlockElement;
import dev.paperbot.core.paper.Paper;
import dev.paperbot.core.search.SearchHit;
import dev.paperbot.core.search.Snippet;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One paper as Block Kit: a section (linked title, snippet with the matched words in bold), a context line
 * (authors, date, source, upvotes on Hugging Face, why it matched) and a row of buttons. Each piece is cut to a
 * budget so the blocks stay within Slack's limits whatever the paper contains.
 */
public final class PaperView {

    /** The buttons a paper can carry. */
    public enum Button { MORE_LIKE_THIS, SHARE, SAVE, NOT_INTERESTED }

    public static final Set<Button> SEARCH_BUTTONS = EnumSet.allOf(Button.class);

    static final int TITLE_BUDGET = 400;
    static final int SNIPPET_BUDGET = 900;
    static final int AUTHORS_BUDGET = 500;
    static final int REASON_BUDGET = 300;
    /** The upvotes part and its separator: {@code  ·  ▲ 2147483647 upvotes on Hugging Face}. */
    static final int UPVOTES_BUDGET = 48;
    static final int MAX_AUTHORS = 6;
    static final int ABSTRACT_FALLBACK_CHARS = 280;
    /** Why a paper without any of the words is there. */
    static final String BY_MEANING = "similar in meaning";

    private PaperView() {
    }

    /** The blocks of one paper; {@code reason} (may be null) says why it is shown, e.g. a digest's topic. */
    public static List<LayoutBlock> blocks(SearchHit hit, String blockIdPrefix, Set<Button> buttons, String reason) {
        return blocks(hit, blockIdPrefix, buttons, reason, OptionalInt.empty());
    }

    /** The same, with the paper's upvotes on Hugging Face when it has a signal. */
    public static List<LayoutBlock> blocks(SearchHit hit, String blockIdPrefix, Set<Button> buttons, String reason,
            OptionalInt upvotes) {
        Paper paper = hit.paper();
        List<LayoutBlock> blocks = new ArrayList<>(3);
        String text = "*" + Mrkdwn.link(paper.url(), paper.title(), TITLE_BUDGET) + "*";
        String snippet = snippet(hit);
        if (!snippet.isEmpty()) {
            text += "\n" + snippet;
        }
        String sectionText = BlockLimits.clip(text, BlockLimits.MAX_SECTION_TEXT);
        blocks.add(section(s -> s.blockId(BlockLimits.id(blockIdPrefix + "text")).text(markdownText(sectionText))));
        blocks.add(context(c -> c.blockId(BlockLimits.id(blockIdPrefix + "meta"))
                .elements(List.of(markdownText(BlockLimits.clip(meta(hit, reason, upvotes),
                        BlockLimits.MAX_CONTEXT_TEXT))))));
        String id = paper.id().value();
        if (!buttons.isEmpty() && id.length() <= BlockLimits.MAX_BUTTON_VALUE) {
            List<BlockElement> elements = new ArrayList<>();
            for (Button b : buttons) {
                elements.add(switch (b) {
                    case MORE_LIKE_THIS -> button(x -> x.actionId(ActionIds.MORE_LIKE_THIS)
                            .text(plainText("More like this")).value(id));
                    case SHARE -> button(x -> x.actionId(ActionIds.SHARE)
                            .text(plainText("Share to channel")).value(id));
                    case SAVE -> button(x -> x.actionId(ActionIds.SAVE).text(plainText("Save")).value(id));
                    case NOT_INTERESTED -> button(x -> x.actionId(ActionIds.NOT_INTERESTED)
                            .text(plainText("Not interested")).value(id));
                });
            }
            blocks.add(actions(a -> a.blockId(BlockLimits.id(blockIdPrefix + "actions")).elements(elements)));
        }
        return blocks;
    }

    /** The snippet with highlighted fragments in bold; without one, the abstract's start with matched words bold. */
    static String snippet(SearchHit hit) {
        Snippet snippet = hit.snippet();
        if (!snippet.isEmpty()) {
            return renderFragments(snippet.fragments());
        }
        String abs = hit.paper().abstractText().strip();
        if (abs.isEmpty()) {
            return "";
        }
        String start = abs.length() <= ABSTRACT_FALLBACK_CHARS ? abs
                : abs.substring(0, ABSTRACT_FALLBACK_CHARS).replaceAll("\\s+\\S*$", "") + " …";
        return renderFragments(highlight(start, hit.matchedTerms()));
    }

    private static String renderFragments(List<Snippet.Fragment> fragments) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < fragments.size(); i++) {
            Snippet.Fragment f = fragments.get(i);
            int room = SNIPPET_BUDGET - sb.length();
            if (room <= Mrkdwn.ELLIPSIS.length() + 4) {
                sb.append(Mrkdwn.ELLIPSIS);
                break;
            }
            String escaped = Mrkdwn.escape(f.text(), room - 4);
            if (f.highlighted() && !escaped.isBlank()) {
                boolean letterBefore = i > 0 && endsWithLetter(fragments.get(i - 1).text());
                boolean letterAfter = i + 1 < fragments.size() && startsWithLetter(fragments.get(i + 1).text());
                sb.append(Mrkdwn.bold(escaped, letterBefore, letterAfter));
            } else {
                sb.append(escaped);
            }
        }
        return "> " + sb.toString().strip();
    }

    /** Splits plain text into fragments, highlighting whole-word, case-insensitive occurrences of {@code terms}. */
    static List<Snippet.Fragment> highlight(String text, List<String> terms) {
        List<String> words = terms.stream().map(String::strip).filter(t -> !t.isEmpty()).toList();
        if (words.isEmpty()) {
            return List.of(new Snippet.Fragment(text, false));
        }
        StringBuilder alternatives = new StringBuilder();
        for (String w : words) {
            alternatives.append(alternatives.isEmpty() ? "" : "|").append(Pattern.quote(w));
        }
        Matcher m = Pattern.compile("(?<![\\p{L}\\p{N}])(?:" + alternatives + ")(?![\\p{L}\\p{N}])",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE).matcher(text);
        List<Snippet.Fragment> fragments = new ArrayList<>();
        int last = 0;
        while (m.find()) {
            if (m.start() > last) {
                fragments.add(new Snippet.Fragment(text.substring(last, m.start()), false));
            }
            fragments.add(new Snippet.Fragment(m.group(), true));
            last = m.end();
        }
        if (last < text.length()) {
            fragments.add(new Snippet.Fragment(text.substring(last), false));
        }
        return fragments;
    }

    /** Authors · date · source · upvotes · why: the context line under the paper. */
    static String meta(SearchHit hit, String reason, OptionalInt upvotes) {
        Paper p = hit.paper();
        List<String> parts = new ArrayList<>();
        if (!p.authors().isEmpty()) {
            List<String> shown = p.authors().subList(0, Math.min(MAX_AUTHORS, p.authors().size()));
            String names = String.join(", ", shown);
            int more = p.authors().size() - shown.size();
            parts.add(Mrkdwn.escape(names, AUTHORS_BUDGET) + (more > 0 ? " +" + more + " more" : ""));
        }
        if (p.published() != null || p.updated() != null) {
            parts.add((p.published() != null ? p.published() : p.updated()).toString());
        }
        parts.add(Mrkdwn.escape(sourceName(p.source()), 40));
        upvotes.ifPresent(n -> parts.add(Upvotes.line(n)));
        if (reason != null && !reason.isBlank()) {
            parts.add(Mrkdwn.escape(reason, REASON_BUDGET));
        } else if (!hit.matchedTerms().isEmpty()) {
            parts.add("matched: " + Mrkdwn.escape(String.join(", ", hit.matchedTerms()), REASON_BUDGET));
        } else if (hit.semantic()) {
            // Found by the meaning search with none of the words: say so, or it looks like a random pick.
            parts.add(BY_MEANING);
        }
        return String.join("  ·  ", parts);
    }

    static String sourceName(String source) {
        return switch (source.toLowerCase(Locale.ROOT)) {
            case "arxiv" -> "arXiv";
            case "huggingface", "hf" -> "Hugging Face";
            case "seed" -> "seed corpus";
            default -> source;
        };
    }

    private static boolean endsWithLetter(String s) {
        return !s.isEmpty() && Character.isLetterOrDigit(s.codePointBefore(s.length()));
    }

    private static boolean startsWithLetter(String s) {
        return !s.isEmpty() && Character.isLetterOrDigit(s.codePointAt(0));
    }
}
