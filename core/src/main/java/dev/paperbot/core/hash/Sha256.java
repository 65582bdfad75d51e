package dev.paperbot.core.hash;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 in lower-case hex: the one spelling of the hashes the project stores (derived paper ids, content hashes,
 * embedding cache keys, OAuth state hashes, key ids), so that none of them can drift from the others.
 */
public final class Sha256 {

    private Sha256() {
    }

    /** The 64 hex digits of the SHA-256 of the text's UTF-8 bytes. */
    public static String hex(String text) {
        return hex(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The 64 hex digits of the SHA-256 of the bytes. */
    public static String hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
