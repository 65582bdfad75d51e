package dev.paperbot.index.source.text;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.Map;

/**
 * Turns the text that paper sources deliver into plain text: LaTeX markup ({@code $\sigma$}, {@code \emph{x}},
 * accents such as {@code \"o}), HTML entities ({@code &amp;}, {@code &#233;}) and a few inline HTML tags are
 * resolved, and every run of whitespace (newlines included) becomes one space.
 *
 * <p>One pass over the characters, no regular expressions: the bulk import runs it on millions of abstracts.
 */
public final class SourceText {

    private SourceText() {
    }

    /** Cleans a title, abstract or name; null becomes the empty string. */
    public static String clean(String raw) {
        if (raw == null || raw.isEmpty()) {
            return "";
        }
        if (isPlain(raw)) {
            return raw;
        }
        return new Cleaner(raw).run();
    }

    /** True when the text needs no work: no markup characters, no doubled or edge whitespace. */
    private static boolean isPlain(String s) {
        char prev = ' ';
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' || c == '$' || c == '&' || c == '{' || c == '}' || c == '<' || c == '`'
                    || (c == '\'' && prev == '\'') || (c == '-' && prev == '-')
                    || (c == ' ' && prev == ' ') || c < ' ' || c == '\u00a0') {
                return false;
            }
            prev = c;
        }
        return s.charAt(0) != ' ' && s.charAt(s.length() - 1) != ' ';
    }

    private static final class Cleaner {
        private final String s;
        private final StringBuilder out;
        private int i;
        private boolean pendingSpace;
        private boolean combining;

        Cleaner(String s) {
            this.s = s;
            this.out = new StringBuilder(s.length());
        }

        String run() {
            while (i < s.length()) {
                char c = s.charAt(i);
                switch (c) {
                    case '\\' -> command();
                    case '$', '{', '}' -> i++;
                    case '&' -> entity();
                    case '<' -> tag();
                    case '`' -> quote('`', '\u201c');
                    case '\'' -> quote('\'', '\u201d');
                    case '-' -> dash();
                    default -> {
                        if (Character.isWhitespace(c) || Character.isSpaceChar(c) || c < ' ') {
                            i++;
                            pendingSpace = true;
                        } else {
                            plainRun();
                        }
                    }
                }
            }
            String result = out.toString();
            return combining ? Normalizer.normalize(result, Normalizer.Form.NFC) : result;
        }

        /** Copies a run of characters that need no work in one go: most of any abstract. */
        private void plainRun() {
            int start = i;
            while (i < s.length() && isOrdinary(s.charAt(i))) {
                i++;
            }
            if (i == start) { // not ordinary after all (a rare space character): one at a time
                emit(s.charAt(i++));
                return;
            }
            if (pendingSpace) {
                if (!out.isEmpty()) {
                    out.append(' ');
                }
                pendingSpace = false;
            }
            out.append(s, start, i);
        }

        private static boolean isOrdinary(char c) {
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
                return true;
            }
            return switch (c) {
                case '\\', '$', '{', '}', '&', '<', '`', '\'', '-', ' ' -> false;
                default -> c > ' ' && c != '\u00a0' && c < 0x80 || c >= 0x80 && !Character.isWhitespace(c)
                        && !Character.isSpaceChar(c);
            };
        }

        private void emit(char c) {
            if (pendingSpace) {
                if (!out.isEmpty()) {
                    out.append(' ');
                }
                pendingSpace = false;
            }
            out.append(c);
        }

        private void emit(String text) {
            for (int k = 0; k < text.length(); k++) {
                emit(text.charAt(k));
            }
        }

        private void quote(char mark, char replacement) {
            if (i + 1 < s.length() && s.charAt(i + 1) == mark) {
                emit(replacement);
                i += 2;
            } else {
                emit(mark);
                i++;
            }
        }

        private void dash() {
            int n = 0;
            while (i + n < s.length() && s.charAt(i + n) == '-' && n < 3) {
                n++;
            }
            i += n;
            switch (n) {
                case 3 -> emit('\u2014');
                case 2 -> emit('\u2013');
                default -> emit('-');
            }
        }

        /** {@code &amp;}, {@code &#233;}, {@code &#xE9;}; a lone {@code &} stays. */
        private void entity() {
            int semi = s.indexOf(';', i + 1);
            if (semi > i + 1 && semi - i <= 10) {
                String name = s.substring(i + 1, semi);
                int code = -1;
                if (name.charAt(0) == '#') {
                    try {
                        code = name.length() > 1 && (name.charAt(1) == 'x' || name.charAt(1) == 'X')
                                ? Integer.parseInt(name.substring(2), 16)
                                : Integer.parseInt(name.substring(1));
                    } catch (NumberFormatException e) {
                        code = -1;
                    }
                } else {
                    Integer named = ENTITIES.get(name);
                    code = named == null ? -1 : named;
                }
                if (code > 0 && Character.isValidCodePoint(code)) {
                    i = semi + 1;
                    if (Character.isWhitespace(code) || code == 0xa0) {
                        pendingSpace = true;
                    } else {
                        emit(new String(Character.toChars(code)));
                    }
                    return;
                }
            }
            emit('&');
            i++;
        }

        /** Drops the inline HTML tags some feeds leave in titles and abstracts; any other {@code <} stays. */
        private void tag() {
            int close = s.indexOf('>', i + 1);
            if (close > 0 && close - i <= 12) {
                String inner = s.substring(i + 1, close).strip().toLowerCase(java.util.Locale.ROOT);
                if (inner.startsWith("/")) {
                    inner = inner.substring(1);
                }
                if (inner.endsWith("/")) {
                    inner = inner.substring(0, inner.length() - 1).strip();
                }
                if (HTML_TAGS.containsKey(inner)) {
                    if (HTML_TAGS.get(inner)) {
                        pendingSpace = true;
                    }
                    i = close + 1;
                    return;
                }
            }
            emit('<');
            i++;
        }

        private void command() {
            i++; // the backslash
            if (i >= s.length()) {
                return;
            }
            char c = s.charAt(i);
            if (!Character.isLetter(c)) {
                i++;
                switch (c) {
                    case '"' -> accent('\u0308');
                    case '\'' -> accent('\u0301');
                    case '`' -> accent('\u0300');
                    case '^' -> accent('\u0302');
                    case '~' -> accent('\u0303');
                    case '=' -> accent('\u0304');
                    case '.' -> accent('\u0307');
                    case '\\', ',', ';', ':', ' ', '!', '\n', '\r', '\t' -> pendingSpace = c != '!' || pendingSpace;
                    default -> emit(c); // \% \& \_ \# \$ \{ \}
                }
                return;
            }
            int start = i;
            while (i < s.length() && Character.isLetter(s.charAt(i)) && s.charAt(i) < 128) {
                i++;
            }
            String name = s.substring(start, i);
            Character mark = LETTER_ACCENTS.get(name);
            if (mark != null && nextIsArgument()) {
                accent(mark);
                return;
            }
            String symbol = SYMBOLS.get(name);
            if (symbol != null) {
                if (symbol.equals(" ")) {
                    pendingSpace = true;
                } else {
                    emit(symbol);
                }
                return;
            }
            if (DROPPED_WITH_ARGUMENT.contains(name)) {
                skipGroup();
                return;
            }
            if (name.equals("href")) {
                skipGroup(); // the URL; the link text that follows stays
                return;
            }
            if (name.equals("mathbb") || name.equals("mathbbm")) {
                blackboard();
                return;
            }
            if (FORMATTING.contains(name)) {
                return; // the braces around the argument are dropped by the main loop
            }
            // An unknown macro (\mathds, \textsuperscript, ...) is dropped; its argument, if any, stays.
        }

        private boolean nextIsArgument() {
            return i < s.length() && (s.charAt(i) == '{' || s.charAt(i) == ' ');
        }

        /** Applies a combining accent to the next letter: {@code \"o}, {@code \"{o}}, {@code \c{c}}, {@code \c c}. */
        private void accent(char mark) {
            while (i < s.length() && (s.charAt(i) == '{' || s.charAt(i) == ' ')) {
                i++;
            }
            if (i >= s.length()) {
                return;
            }
            char base = s.charAt(i);
            if (base == '\\') { // \"\i for a dotless i
                int save = i;
                i++;
                if (i < s.length() && (s.charAt(i) == 'i' || s.charAt(i) == 'j')) {
                    base = s.charAt(i);
                } else {
                    i = save;
                    return;
                }
            }
            if (!Character.isLetter(base)) {
                return; // an accent on something else (\.$) has nothing to mark
            }
            i++;
            if (i < s.length() && s.charAt(i) == '}') {
                i++;
            }
            emit(base);
            out.append(mark);
            combining = true;
        }

        private void skipGroup() {
            while (i < s.length() && s.charAt(i) == ' ') {
                i++;
            }
            if (i >= s.length() || s.charAt(i) != '{') {
                return;
            }
            int depth = 0;
            while (i < s.length()) {
                char c = s.charAt(i++);
                if (c == '{') {
                    depth++;
                } else if (c == '}' && --depth == 0) {
                    return;
                }
            }
        }

        private void blackboard() {
            int save = i;
            if (i + 2 < s.length() && s.charAt(i) == '{' && s.charAt(i + 2) == '}') {
                String letter = BLACKBOARD.get(s.charAt(i + 1));
                if (letter != null) {
                    emit(letter);
                    i += 3;
                    return;
                }
            }
            i = save;
        }
    }

    private static final Map<String, Integer> ENTITIES = Map.ofEntries(
            Map.entry("amp", (int) '&'), Map.entry("lt", (int) '<'), Map.entry("gt", (int) '>'),
            Map.entry("quot", (int) '"'), Map.entry("apos", (int) '\''), Map.entry("nbsp", 0xa0),
            Map.entry("ndash", 0x2013), Map.entry("mdash", 0x2014), Map.entry("hellip", 0x2026),
            Map.entry("lsquo", 0x2018), Map.entry("rsquo", 0x2019), Map.entry("ldquo", 0x201c),
            Map.entry("rdquo", 0x201d), Map.entry("times", 0xd7), Map.entry("plusmn", 0xb1),
            Map.entry("le", 0x2264), Map.entry("ge", 0x2265), Map.entry("deg", 0xb0), Map.entry("micro", 0xb5),
            Map.entry("eacute", 0xe9), Map.entry("egrave", 0xe8), Map.entry("aacute", 0xe1),
            Map.entry("agrave", 0xe0), Map.entry("iacute", 0xed), Map.entry("oacute", 0xf3),
            Map.entry("uacute", 0xfa), Map.entry("auml", 0xe4), Map.entry("ouml", 0xf6), Map.entry("uuml", 0xfc),
            Map.entry("Auml", 0xc4), Map.entry("Ouml", 0xd6), Map.entry("Uuml", 0xdc), Map.entry("szlig", 0xdf),
            Map.entry("ccedil", 0xe7), Map.entry("ntilde", 0xf1), Map.entry("alpha", 0x3b1), Map.entry("beta", 0x3b2),
            Map.entry("gamma", 0x3b3), Map.entry("delta", 0x3b4), Map.entry("epsilon", 0x3b5),
            Map.entry("lambda", 0x3bb), Map.entry("mu", 0x3bc), Map.entry("pi", 0x3c0), Map.entry("sigma", 0x3c3));

    /** Inline tags, and whether they separate words. */
    private static final Map<String, Boolean> HTML_TAGS = Map.of(
            "i", false, "b", false, "em", false, "strong", false, "sub", false, "sup", false,
            "p", true, "br", true, "span", false, "div", true);

    /** Accents written as letters: {@code \c{c}}, {@code \v{s}}, ... */
    private static final Map<String, Character> LETTER_ACCENTS = Map.of(
            "c", '\u0327', "v", '\u030c', "u", '\u0306', "H", '\u030b', "k", '\u0328', "r", '\u030a',
            "d", '\u0323', "b", '\u0331', "t", '\u0361');

    private static final java.util.Set<String> FORMATTING = java.util.Set.of(
            "emph", "textbf", "textit", "texttt", "textsc", "textrm", "textsf", "textup", "textnormal", "text",
            "mathrm", "mathbf", "mathit", "mathsf", "mathtt", "mathcal", "mathfrak", "mathscr", "boldsymbol", "bm",
            "operatorname", "mbox", "hbox", "url", "it", "bf", "rm", "em", "sc", "tt", "sf", "small", "large",
            "Large", "left", "right", "big", "Big", "bigg", "Bigg", "displaystyle", "textstyle", "ensuremath",
            "mathsection", "underline", "overline", "widetilde", "widehat", "hat", "tilde", "bar", "vec", "dot",
            "ddot", "noindent", "xspace");

    private static final java.util.Set<String> DROPPED_WITH_ARGUMENT = java.util.Set.of(
            "cite", "citep", "citet", "ref", "eqref", "label", "footnote", "thanks", "vspace", "hspace");

    private static final Map<Character, String> BLACKBOARD = Map.of(
            'R', "\u211d", 'N', "\u2115", 'Z', "\u2124", 'Q', "\u211a", 'C', "\u2102", 'P', "\u2119",
            'E', "\ud835\udd3c", 'F', "\ud835\udd3d");

    private static final Map<String, String> SYMBOLS = new HashMap<>();

    static {
        String[][] table = {
            {"alpha", "α"}, {"beta", "β"}, {"gamma", "γ"}, {"delta", "δ"}, {"epsilon", "ε"}, {"varepsilon", "ε"},
            {"zeta", "ζ"}, {"eta", "η"}, {"theta", "θ"}, {"vartheta", "ϑ"}, {"iota", "ι"}, {"kappa", "κ"},
            {"lambda", "λ"}, {"mu", "μ"}, {"nu", "ν"}, {"xi", "ξ"}, {"pi", "π"}, {"varpi", "ϖ"}, {"rho", "ρ"},
            {"varrho", "ϱ"}, {"sigma", "σ"}, {"varsigma", "ς"}, {"tau", "τ"}, {"upsilon", "υ"}, {"phi", "φ"},
            {"varphi", "φ"}, {"chi", "χ"}, {"psi", "ψ"}, {"omega", "ω"}, {"Gamma", "Γ"}, {"Delta", "Δ"},
            {"Theta", "Θ"}, {"Lambda", "Λ"}, {"Xi", "Ξ"}, {"Pi", "Π"}, {"Sigma", "Σ"}, {"Upsilon", "Υ"},
            {"Phi", "Φ"}, {"Psi", "Ψ"}, {"Omega", "Ω"},
            {"times", "×"}, {"cdot", "·"}, {"pm", "±"}, {"mp", "∓"}, {"div", "÷"}, {"leq", "≤"}, {"le", "≤"},
            {"geq", "≥"}, {"ge", "≥"}, {"neq", "≠"}, {"ne", "≠"}, {"approx", "≈"}, {"simeq", "≃"}, {"sim", "~"},
            {"equiv", "≡"}, {"propto", "∝"}, {"ll", "≪"}, {"gg", "≫"}, {"infty", "∞"}, {"partial", "∂"},
            {"nabla", "∇"}, {"sum", "∑"}, {"prod", "∏"}, {"int", "∫"}, {"sqrt", "√"}, {"in", "∈"},
            {"notin", "∉"}, {"subset", "⊂"}, {"subseteq", "⊆"}, {"cup", "∪"}, {"cap", "∩"}, {"emptyset", "∅"},
            {"forall", "∀"}, {"exists", "∃"}, {"neg", "¬"}, {"wedge", "∧"}, {"vee", "∨"}, {"oplus", "⊕"},
            {"otimes", "⊗"}, {"to", "→"}, {"rightarrow", "→"}, {"leftarrow", "←"}, {"Rightarrow", "⇒"},
            {"Leftarrow", "⇐"}, {"leftrightarrow", "↔"}, {"Leftrightarrow", "⇔"}, {"mapsto", "↦"},
            {"uparrow", "↑"}, {"downarrow", "↓"}, {"ell", "ℓ"}, {"hbar", "ħ"}, {"circ", "∘"}, {"star", "⋆"},
            {"ast", "∗"}, {"dagger", "†"}, {"prime", "′"}, {"langle", "⟨"}, {"rangle", "⟩"}, {"vert", "|"},
            {"mid", "|"}, {"ldots", "…"}, {"dots", "…"}, {"cdots", "⋯"}, {"log", "log"}, {"exp", "exp"},
            {"ln", "ln"}, {"sin", "sin"}, {"cos", "cos"}, {"min", "min"}, {"max", "max"}, {"lim", "lim"},
            {"arg", "arg"}, {"det", "det"}, {"textendash", "–"}, {"textemdash", "—"}, {"S", "§"},
            {"ss", "ß"}, {"o", "ø"}, {"O", "Ø"}, {"ae", "æ"}, {"AE", "Æ"}, {"oe", "œ"}, {"OE", "Œ"},
            {"aa", "å"}, {"AA", "Å"}, {"l", "ł"}, {"L", "Ł"}, {"i", "ı"}, {"j", "ȷ"}, {"quad", " "},
            {"qquad", " "}, {"newline", " "}, {"LaTeX", "LaTeX"}, {"TeX", "TeX"}, {"textasciitilde", "~"},
            {"textbackslash", "\\"}, {"backslash", "\\"}, {"lbrace", "{"}, {"rbrace", "}"}, {"percent", "%"},
        };
        for (String[] row : table) {
            SYMBOLS.put(row[0], row[1]);
        }
    }
}
