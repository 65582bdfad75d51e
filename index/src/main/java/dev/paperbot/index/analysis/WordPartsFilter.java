package dev.paperbot.index.analysis;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionLengthAttribute;

/**
 * Cuts a white-space token into its letter-and-digit parts and also keeps them joined: {@code pre-training} gives
 * {@code pretraining} and, at the same position, {@code pre}, then {@code training}; {@code (LLMs),} gives
 * {@code LLMs}; a trailing possessive {@code 's} is dropped; a token of only symbols or emoji vanishes. The joined
 * form spans its parts (position length = number of parts), which query building reads to tell it from its parts.
 *
 * <p>What Lucene's WordDelimiterGraphFilter does with word parts, catenation and possessives (without case-change
 * or letter-digit splits), several times faster, and already flat, so it can be indexed as it is. Tokens of only
 * letters and digits, most of any text, pass through untouched.
 */
final class WordPartsFilter extends TokenFilter {

    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
    private final PositionIncrementAttribute increment = addAttribute(PositionIncrementAttribute.class);
    private final PositionLengthAttribute length = addAttribute(PositionLengthAttribute.class);

    /** The current token's parts as start and end in {@link #chars}, and the next one to emit. */
    private final List<int[]> parts = new ArrayList<>();
    private int next;
    private char[] chars = new char[64];
    private int tokenStart;
    /** True when folding kept the token's length, so parts map onto the original text exactly. */
    private boolean exactOffsets;
    /** Positions of vanished tokens, added to the next token's increment. */
    private int carried;

    WordPartsFilter(TokenStream input) {
        super(input);
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (next < parts.size()) {
            // After the joined form: the first part at its position, the others one after another.
            emit(parts.get(next), next == 0 ? 0 : 1, 1);
            next++;
            return true;
        }
        while (input.incrementToken()) {
            int len = withoutPossessive(term.buffer(), term.length());
            if (len == term.length() && isPlain(term.buffer(), len)) {
                increment.setPositionIncrement(increment.getPositionIncrement() + carried);
                carried = 0;
                return true;
            }
            split(len);
            int positionIncrement = increment.getPositionIncrement() + carried;
            if (parts.isEmpty()) {
                carried = positionIncrement;
                continue;
            }
            carried = 0;
            if (parts.size() == 1) {
                emit(parts.getFirst(), positionIncrement, 1);
                next = 1;
            } else {
                emitJoined(positionIncrement);
                next = 0;
            }
            return true;
        }
        return false;
    }

    private void emitJoined(int positionIncrement) {
        int total = 0;
        for (int[] p : parts) {
            total += p[1] - p[0];
        }
        char[] joined = term.resizeBuffer(total);
        int at = 0;
        for (int[] p : parts) {
            System.arraycopy(chars, p[0], joined, at, p[1] - p[0]);
            at += p[1] - p[0];
        }
        term.setLength(total);
        setOffsets(parts.getFirst()[0], parts.getLast()[1]);
        increment.setPositionIncrement(positionIncrement);
        length.setPositionLength(parts.size());
    }

    private void emit(int[] part, int positionIncrement, int positionLength) {
        term.copyBuffer(chars, part[0], part[1] - part[0]);
        setOffsets(part[0], part[1]);
        increment.setPositionIncrement(positionIncrement);
        length.setPositionLength(positionLength);
    }

    private void setOffsets(int start, int end) {
        if (exactOffsets) {
            offset.setOffset(tokenStart + start, tokenStart + end);
        }
        // Otherwise the part keeps the whole token's offsets: a highlight a little too wide, never out of place.
    }

    /** Copies the token aside and finds its parts: runs of letters and digits. */
    private void split(int len) {
        if (chars.length < len) {
            chars = new char[Math.max(len, chars.length * 2)];
        }
        System.arraycopy(term.buffer(), 0, chars, 0, len);
        tokenStart = offset.startOffset();
        exactOffsets = offset.endOffset() - offset.startOffset() == term.length();
        parts.clear();
        int i = 0;
        while (i < len) {
            while (i < len && !isWordChar(Character.codePointAt(chars, i, len))) {
                i += Character.charCount(Character.codePointAt(chars, i, len));
            }
            int start = i;
            while (i < len && isWordChar(Character.codePointAt(chars, i, len))) {
                i += Character.charCount(Character.codePointAt(chars, i, len));
            }
            if (i > start) {
                parts.add(new int[] {start, i});
            }
        }
    }

    /** The length without a trailing {@code 's} or {@code 'S}. */
    private static int withoutPossessive(char[] chars, int len) {
        boolean possessive = len >= 3 && chars[len - 2] == '\'' && (chars[len - 1] == 's' || chars[len - 1] == 'S');
        return possessive ? len - 2 : len;
    }

    private static boolean isPlain(char[] chars, int len) {
        for (int i = 0; i < len; i++) {
            char c = chars[i];
            // ASCII letters and digits decide most tokens without a code point lookup.
            boolean ascii = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
            if (!ascii && (Character.isSurrogate(c) || !Character.isLetterOrDigit(c))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isWordChar(int codePoint) {
        return Character.isLetterOrDigit(codePoint);
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        parts.clear();
        next = 0;
        carried = 0;
    }

    @Override
    public void end() throws IOException {
        super.end();
        increment.setPositionIncrement(increment.getPositionIncrement() + carried);
        carried = 0;
    }
}
