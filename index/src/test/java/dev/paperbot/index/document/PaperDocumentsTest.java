package dev.paperbot.index.document;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperbot.core.paper.Paper;
import dev.paperbot.core.paper.PaperId;
import org.junit.jupiter.api.Test;

class PaperDocumentsTest {

    @Test
    void author_keys_fold_case_accents_and_white_space() {
        assertThat(PaperDocuments.authorKey("Yann LeCun")).isEqualTo("yann lecun");
        assertThat(PaperDocuments.authorKey("  José   García\t")).isEqualTo("jose garcia");
        assertThat(PaperDocuments.authorKey("Ana\tMaria\nSilva")).isEqualTo("ana maria silva");
        assertThat(PaperDocuments.authorKey("Zoë  O'Brien")).isEqualTo("zoe o'brien");
        // Only ASCII white space is collapsed, as before the fast path: a no-break space stays what it is.
        assertThat(PaperDocuments.authorKey("A\u00a0B")).isEqualTo("a\u00a0b");
        assertThat(PaperDocuments.authorKey("A\u2003 B")).isEqualTo("a\u2003 b");
    }

    @Test
    void the_content_hash_is_the_sha256_of_title_line_feed_abstract() {
        // Pinned: indexes store it, and a changed value would re-embed every paper.
        Paper paper = Paper.of(new PaperId("2401.00001"), "Sparse attention", "Attention, but sparse.");
        assertThat(PaperDocuments.contentHash(paper))
                .isEqualTo("2af505d073fa6a3aba405711ed3fe304b5d1f51536ad603c7db20a38332e1b76");
    }
}
