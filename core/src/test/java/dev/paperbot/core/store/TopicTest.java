package dev.paperbot.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TopicTest {

    @Test
    void author_topics_are_parsed_with_straight_curly_or_no_quotes() {
        assertThat(Topic.parse("author:\"Yann LeCun\"")).isEqualTo(Topic.author("Yann LeCun"));
        assertThat(Topic.parse("Author: “Yann LeCun”")).isEqualTo(Topic.author("Yann LeCun"));
        assertThat(Topic.parse("author:Hinton")).isEqualTo(Topic.author("Hinton"));
        assertThat(Topic.author("Yann LeCun").display()).isEqualTo("author:\"Yann LeCun\"");
    }

    @Test
    void keywords_are_trimmed_and_their_key_folds_case_and_spacing() {
        Topic t = Topic.parse("  LLM \t Quantization ");
        assertThat(t).isEqualTo(Topic.keyword("LLM Quantization"));
        assertThat(t.key()).isEqualTo(Topic.keyword("llm quantization").key());
        assertThat(Topic.keyword("LeCun").key()).isNotEqualTo(Topic.author("LeCun").key());
    }

    @Test
    void empty_or_overlong_topics_are_refused_with_a_message_for_the_user() {
        assertThatThrownBy(() -> Topic.parse("   ")).hasMessage("a topic needs at least one word");
        assertThatThrownBy(() -> Topic.parse("author:\"\"")).hasMessageContaining("author: needs a name");
        assertThatThrownBy(() -> Topic.parse("x".repeat(500)))
                .hasMessage("a topic can have at most 200 characters, this one has 500");
    }
}
