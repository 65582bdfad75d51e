package dev.paperbot.core.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class EmbeddingTest {

    @Test
    void arithmetic_for_relevance_feedback() {
        Embedding x = Embedding.of(new float[] {3, 4});
        assertThat(x.norm()).isCloseTo(5, within(1e-9));
        assertThat(x.normalized().toArray()).containsExactly(0.6f, 0.8f);
        assertThat(x.plus(Embedding.of(new float[] {1, 1}), -2).toArray()).containsExactly(1f, 2f);
        assertThat(Embedding.mean(List.of(x, Embedding.of(new float[] {1, 0}))).toArray()).containsExactly(2f, 2f);
        assertThat(x.dot(Embedding.of(new float[] {1, 1}))).isCloseTo(7, within(1e-9));
    }

    @Test
    void immutable_compared_by_value_and_checked() {
        float[] values = {1, 2};
        Embedding e = Embedding.of(values);
        values[0] = 9;
        e.toArray()[1] = 9;
        assertThat(e).isEqualTo(Embedding.of(new float[] {1, 2})).hasSameHashCodeAs(Embedding.of(new float[] {1, 2}));
        assertThatThrownBy(() -> Embedding.of(new float[] {Float.NaN})).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> e.dot(Embedding.of(new float[] {1, 2, 3}))).hasMessageContaining("do not mix");
    }
}
