package dev.paperbot.core.recommend;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperbot.core.paper.Paper;
import dev.paperbot.core.paper.PaperId;
import dev.paperbot.core.search.Snippet;
import dev.paperbot.core.store.Topic;
import java.util.List;
import org.junit.jupiter.api.Test;

class PickTest {

    private final Paper paper = Paper.of(new PaperId("2306.00978"), "AWQ", "Weight quantization.");

    @Test
    void the_reason_names_the_words_or_says_it_was_found_by_meaning() {
        Topic topic = Topic.keyword("llm compression");
        assertThat(new Pick(paper, topic, List.of("compression"), Snippet.empty(), 1, true).reason())
                .isEqualTo("llm compression: compression");
        assertThat(new Pick(paper, topic, List.of(), Snippet.empty(), 1, true).reason())
                .isEqualTo("llm compression: similar in meaning");
        assertThat(new Pick(paper, topic, List.of(), Snippet.empty(), 1).reason()).isEqualTo("llm compression");
        assertThat(new Pick(paper, Topic.parse("like:2310.16836"), List.of(), Snippet.empty(), 1, true).reason())
                .isEqualTo("like:2310.16836: similar in meaning");
    }
}
