package dev.paperbot.core.store;

import dev.paperbot.core.hash.Sha256;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals tokens before they are stored: AES-256-GCM with a random 96-bit nonce per value, and the row the value
 * belongs to as associated data (a sealed token copied into another workspace's row does not open there).
 *
 * <p>A sealed value reads {@code v1:<key id>:<base64 of nonce + ciphertext + tag>}; the key id (the first 4 bytes of
 * the key's SHA-256) says which key sealed it, so keys can be rotated: the first key seals, every key opens.
 * Instances never show a key or a token in {@link #toString()}.
 */
public final class TokenCipher {

    /** The only key length accepted: 32 bytes (AES-256). */
    public static final int KEY_BYTES = 32;

    private static final String PREFIX = "v1";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String sealingKeyId;
    private final Map<String, SecretKeySpec> keys;

    private TokenCipher(Map<String, SecretKeySpec> byId) {
        this.sealingKeyId = byId.keySet().iterator().next(); // insertion order: the first key given
        this.keys = Map.copyOf(byId);
    }

    /**
     * A cipher with these keys, each {@link #KEY_BYTES} long: the first seals new values, all of them open values
     * sealed earlier (key rotation).
     */
    public static TokenCipher aesGcm(List<byte[]> keys) {
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("at least one key is needed");
        }
        Map<String, SecretKeySpec> byId = new LinkedHashMap<>();
        for (byte[] key : keys) {
            if (key.length != KEY_BYTES) {
                throw new IllegalArgumentException("a token key must be " + KEY_BYTES + " bytes, was " + key.length);
            }
            byId.putIfAbsent(keyId(key), new SecretKeySpec(key.clone(), "AES"));
        }
        return new TokenCipher(byId);
    }

    /** One key. */
    public static TokenCipher aesGcm(byte[] key) {
        return aesGcm(List.of(key));
    }

    /** The id of the key that seals new values. */
    public String keyId() {
        return sealingKeyId;
    }

    /** Seals {@code plain} for the row described by {@code context}. */
    public String seal(String plain, String context) {
        Objects.requireNonNull(plain, "plain");
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(sealingKeyId), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[NONCE_BYTES + sealed.length];
            System.arraycopy(nonce, 0, out, 0, NONCE_BYTES);
            System.arraycopy(sealed, 0, out, NONCE_BYTES, sealed.length);
            return PREFIX + ":" + sealingKeyId + ":" + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this JVM", e);
        }
    }

    /** Whether one of this cipher's keys sealed {@code sealed} (it may still fail to open if it was tampered with). */
    public boolean knowsKeyOf(String sealed) {
        String[] parts = sealed.split(":", 3);
        return parts.length == 3 && PREFIX.equals(parts[0]) && keys.containsKey(parts[1]);
    }

    /**
     * Opens a value sealed for {@code context}; throws {@link UnreadableTokenException} when it was sealed with an
     * unknown key, for another row, or was changed.
     */
    public String open(String sealed, String context) {
        String[] parts = sealed.split(":", 3);
        if (parts.length != 3 || !PREFIX.equals(parts[0])) {
            throw new UnreadableTokenException("not a sealed token");
        }
        SecretKeySpec key = keys.get(parts[1]);
        if (key == null) {
            throw new UnreadableTokenException("sealed with another key (id " + parts[1] + ")");
        }
        try {
            byte[] in = Base64.getDecoder().decode(parts[2]);
            if (in.length <= NONCE_BYTES) {
                throw new UnreadableTokenException("too short");
            }
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, NONCE_BYTES));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new UnreadableTokenException("not base64");
        } catch (javax.crypto.AEADBadTagException e) {
            throw new UnreadableTokenException("does not authenticate (changed, or sealed for another row)");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this JVM", e);
        }
    }

    private static String keyId(byte[] key) {
        return Sha256.hex(key).substring(0, 8); // the first 4 bytes
    }

    /** The ids of every key this cipher opens with, sealing key first. */
    public List<String> keyIds() {
        List<String> ids = new ArrayList<>();
        ids.add(sealingKeyId);
        keys.keySet().stream().filter(id -> !id.equals(sealingKeyId)).sorted().forEach(ids::add);
        return ids;
    }

    @Override
    public String toString() {
        return "TokenCipher[AES-256-GCM, keys " + keyIds() + "]";
    }

    /** A sealed value this cipher cannot open; the message never contains the value. */
    public static final class UnreadableTokenException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        UnreadableTokenException(String message) {
            super(message);
        }
    }
}
