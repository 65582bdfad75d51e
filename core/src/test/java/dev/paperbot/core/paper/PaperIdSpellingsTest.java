package dev.paperbot.core.paper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The spellings of arXiv ids that the real feeds use (OAI headers, RSS guids, API links, Kaggle, Hugging Face). */
class PaperIdSpellingsTest {

    @ParameterizedTest
    @CsvSource({
        "oai:arXiv.org:2203.01250v3, 2203.01250",
        "oai:arXiv.org:1303.2033, 1303.2033",
        "oai:arXiv.org:hep-th/9608091, hep-th/9608091",
        "http://arxiv.org/abs/1911.12281v2, 1911.12281",
        "https://arxiv.org/abs/2511.11447v2, 2511.11447",
        "http://arxiv.org/pdf/hep-ex/0307015v1, hep-ex/0307015",
        "arxiv.org/abs/2401.01234, 2401.01234",
        "https://arxiv.org/html/2401.01234v2, 2401.01234",
        "arXiv:2509.13332v1, 2509.13332",
        "2410.17243, 2410.17243",
        "0704.0002, 0704.0002",
        "hep-th/9608091, hep-th/9608091",
        "math.GT/0309136, math/0309136",
        "cond-mat/0102536v1, cond-mat/0102536",
    })
    void real_spellings_become_the_versionless_id(String raw, String expected) {
        assertThat(PaperId.arxiv(raw)).contains(new PaperId(expected));
        assertThat(new PaperId(expected).isArxiv()).isTrue();
    }

    @ParameterizedTest
    @CsvSource({"not an id", "oai:example.org:2401.01234", "2401", "http://example.org/abs/2401.01234"})
    void other_text_is_not_an_arxiv_id(String raw) {
        assertThat(PaperId.arxiv(raw)).isEmpty();
    }

    @Test
    void ids_derived_from_titles_never_change() {
        // Pinned: these ids are stored in indexes and subscriptions, so the derivation must stay what it is.
        assertThat(PaperId.fromTitle("Attention Is All You Need!")).isEqualTo(new PaperId("p-4a1c934d3d98f3ce"));
        assertThat(PaperId.fromTitle("  Schr\u00f6dinger   Bridges ")).isEqualTo(new PaperId("p-589c069cbe7792a6"));
    }

    @Test
    void popularity_rejects_negative_upvotes() {
        PaperId id = new PaperId("2401.01234");
        assertThat(new Popularity(id, 0, LocalDate.of(2024, 10, 25)).upvotes()).isZero();
        assertThatThrownBy(() -> new Popularity(id, -1, LocalDate.of(2024, 10, 25)))
                .hasMessageContaining("2401.01234");
    }
}
