package dev.paperbot.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paperbot.core.paper.PaperId;
import java.util.List;
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

    @Test
    void like_topics_take_paper_ids_and_arxiv_links_in_any_spelling() {
        Topic t = Topic.parse("like: https://arxiv.org/abs/2306.00978v5, arXiv:2310.16836 2306.00978  p-0123456789abcdef");
        assertThat(t.kind()).isEqualTo(Topic.Kind.LIKE);
        assertThat(t.exampleIds()).containsExactly(new PaperId("2306.00978"), new PaperId("2310.16836"),
                new PaperId("p-0123456789abcdef"));
        assertThat(t.display()).isEqualTo("like:2306.00978 2310.16836 p-0123456789abcdef");
        assertThat(Topic.parse(t.display())).isEqualTo(t);
        assertThat(t.key()).isNotEqualTo(Topic.keyword(t.text()).key());
        assertThat(Topic.like(List.of(new PaperId("2306.00978"))).display()).isEqualTo("like:2306.00978");
    }

    @Test
    void like_topics_refuse_what_is_not_a_paper() {
        assertThatThrownBy(() -> Topic.parse("like:")).hasMessageContaining("like: needs a paper");
        assertThatThrownBy(() -> Topic.parse("like: https://example.com/paper"))
                .hasMessageContaining("is neither");
        assertThatThrownBy(() -> Topic.parse("like: 1 2 3 4 5 6 7 8 9 10 11"))
                .hasMessageContaining("at most 10 papers");
    }

    @Test
    void trending_is_its_own_kind_typed_as_one_word_in_any_case() {
        assertThat(Topic.parse(" Trending ")).isEqualTo(Topic.trending());
        assertThat(Topic.trending().kind()).isEqualTo(Topic.Kind.TRENDING);
        assertThat(Topic.trending().display()).isEqualTo("trending");
        assertThat(Topic.parse(Topic.trending().display())).isEqualTo(Topic.trending());
        assertThat(Topic.parse("trending diffusion")).isEqualTo(Topic.keyword("trending diffusion"));
        assertThat(Topic.trending().key()).isNotEqualTo(Topic.keyword("trending diffusion").key());
    }
}
