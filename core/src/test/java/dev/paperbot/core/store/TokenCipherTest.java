package dev.paperbot.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class TokenCipherTest {

    static byte[] key(int fill) {
        byte[] key = new byte[TokenCipher.KEY_BYTES];
        Arrays.fill(key, (byte) fill);
        return key;
    }

    @Test
    void a_sealed_token_opens_with_its_key_and_context_and_never_shows_the_token() {
        TokenCipher cipher = TokenCipher.aesGcm(key(1));
        String sealed = cipher.seal("xoxb-1-secret", "row-a");

        assertThat(cipher.keyId()).as("the first 4 bytes of the key's SHA-256, pinned").isEqualTo("72cd6e84");
        assertThat(sealed).startsWith("v1:" + cipher.keyId() + ":").doesNotContain("xoxb").doesNotContain("secret");
        assertThat(cipher.seal("xoxb-1-secret", "row-a")).as("a fresh nonce each time").isNotEqualTo(sealed);
        assertThat(cipher.open(sealed, "row-a")).isEqualTo("xoxb-1-secret");
        assertThat(cipher.toString()).doesNotContain(Base64.getEncoder().encodeToString(key(1)));
    }

    @Test
    void another_row_another_key_or_a_changed_byte_do_not_open() {
        TokenCipher cipher = TokenCipher.aesGcm(key(1));
        String sealed = cipher.seal("xoxb-1-secret", "row-a");

        assertThatThrownBy(() -> cipher.open(sealed, "row-b"))
                .isInstanceOf(TokenCipher.UnreadableTokenException.class).hasMessageNotContaining("xoxb");
        assertThatThrownBy(() -> TokenCipher.aesGcm(key(2)).open(sealed, "row-a"))
                .isInstanceOf(TokenCipher.UnreadableTokenException.class).hasMessageContaining("another key");
        byte[] raw = Base64.getDecoder().decode(sealed.substring(sealed.lastIndexOf(':') + 1));
        raw[raw.length - 1] ^= 1;
        String tampered = sealed.substring(0, sealed.lastIndexOf(':') + 1) + Base64.getEncoder().encodeToString(raw);
        assertThatThrownBy(() -> cipher.open(tampered, "row-a")).isInstanceOf(TokenCipher.UnreadableTokenException.class);
        assertThatThrownBy(() -> cipher.open("xoxb-plain", "row-a"))
                .isInstanceOf(TokenCipher.UnreadableTokenException.class);
    }

    @Test
    void after_a_key_rotation_the_new_key_seals_and_both_open() {
        TokenCipher old = TokenCipher.aesGcm(key(1));
        TokenCipher rotated = TokenCipher.aesGcm(List.of(key(2), key(1)));
        String before = old.seal("xoxb-old", "row");

        assertThat(rotated.open(before, "row")).isEqualTo("xoxb-old");
        assertThat(rotated.knowsKeyOf(before)).isTrue();
        String after = rotated.seal("xoxb-new", "row");
        assertThat(after).contains(":" + TokenCipher.aesGcm(key(2)).keyId() + ":");
        assertThat(old.knowsKeyOf(after)).isFalse();
    }

    @Test
    void keys_of_the_wrong_length_are_refused() {
        assertThatThrownBy(() -> TokenCipher.aesGcm(new byte[16])).hasMessageContaining("32 bytes");
        assertThatThrownBy(() -> TokenCipher.aesGcm(List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
