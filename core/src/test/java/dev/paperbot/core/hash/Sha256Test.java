package dev.paperbot.core.hash;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class Sha256Test {

    @Test
    void known_digests_in_lower_case_hex() {
        // FIPS 180-2 test vectors.
        assertThat(Sha256.hex("")).isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        assertThat(Sha256.hex("abc")).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void text_is_hashed_as_utf8() {
        assertThat(Sha256.hex("Schr\u00f6dinger bridges"))
                .isEqualTo("4815c6f4d99d84cfb862469750df0727c602fffa42c97f4ae204a82138275fe6")
                .isEqualTo(Sha256.hex("Schr\u00f6dinger bridges".getBytes(StandardCharsets.UTF_8)));
    }
}
