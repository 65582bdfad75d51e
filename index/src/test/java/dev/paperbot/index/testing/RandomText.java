package dev.paperbot.index.testing;

import java.util.Random;

/**
 * Random text for robustness tests, reproducible from a seed: any code points (controls, lone surrogates,
 * emoji, unassigned ones) or a small alphabet rich in the characters that matter to analysis and query parsing.
 */
public final class RandomText {

    private static final String SPECIAL = "abcXYZ -'’\".,:;()[]{}*?~^!&|\\/+0123456789é\u2010\u201C\u201D\t\n"
            + "\uD83D\uDE80\uD800\uDC00\u0000\u200B";

    private final Random random;

    public RandomText(long seed) {
        this.random = new Random(seed);
    }

    public String next(int maxLength) {
        int length = random.nextInt(maxLength + 1);
        StringBuilder sb = new StringBuilder(length);
        boolean anyCodePoint = random.nextBoolean();
        while (sb.length() < length) {
            if (anyCodePoint) {
                int cp = random.nextInt(20) == 0 ? random.nextInt(Character.MAX_CODE_POINT + 1) : random.nextInt(0x3000);
                if (cp >= 0xD800 && cp <= 0xDFFF) {
                    sb.append((char) cp); // a lone surrogate
                } else {
                    sb.appendCodePoint(cp);
                }
            } else {
                sb.append(SPECIAL.charAt(random.nextInt(SPECIAL.length())));
            }
        }
        return sb.toString();
    }

    public String nextAsciiWords(int maxLength) {
        int length = random.nextInt(maxLength + 1);
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            int r = random.nextInt(30);
            sb.append(r < 26 ? (char) ('a' + r) : r < 29 ? ' ' : '-');
        }
        return sb.toString();
    }
}
