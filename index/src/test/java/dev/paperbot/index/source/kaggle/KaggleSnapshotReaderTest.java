package dev.paperbot.index.source.kaggle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paperbot.core.paper.Paper;
import dev.paperbot.index.source.ImportFilter;
import dev.paperbot.index.source.PaperSink;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KaggleSnapshotReaderTest {

    private static final class Collected implements PaperSink {
        final Map<String, Paper> papers = new LinkedHashMap<>();
        final Map<Long, String> skipped = new LinkedHashMap<>();
        final List<Long> filtered = new ArrayList<>();

        @Override
        public void paper(Paper paper) {
            papers.put(paper.id().value(), paper);
        }

        @Override
        public void skipped(long line, String reason) {
            skipped.put(line, reason);
        }

        @Override
        public void filtered(long line) {
            filtered.add(line);
        }
    }

    private static Collected read(ImportFilter filter) throws Exception {
        Collected sink = new Collected();
        try (InputStream in = KaggleSnapshotReaderTest.class.getResourceAsStream("/sources/kaggle/snapshot_sample.jsonl")) {
            new KaggleSnapshotReader(filter).read(in, sink);
        }
        return sink;
    }

    @Test
    void reads_real_snapshot_lines_with_dates_authors_in_order_and_categories() throws Exception {
        Collected sink = read(ImportFilter.none());

        Paper pebble = sink.papers.get("0704.0002");
        assertThat(pebble.title()).isEqualTo("Sparsity-certifying Graph Decompositions");
        assertThat(pebble.abstractText()).startsWith("We describe a new algorithm, the (k,ℓ)-pebble game with colors,"
                + " and use it obtain").doesNotContain("\n");
        assertThat(pebble.authors()).containsExactly("Ileana Streinu", "Louis Theran");
        assertThat(pebble.categories()).containsExactly("math.CO", "cs.CG");
        assertThat(pebble.published()).isEqualTo(LocalDate.of(2007, 3, 31));
        assertThat(pebble.updated()).isEqualTo(LocalDate.of(2008, 12, 13));
        assertThat(pebble.url()).isEqualTo("https://arxiv.org/abs/0704.0002");

        Paper sineGordon = sink.papers.get("hep-th/9608091");
        assertThat(sineGordon.title()).isEqualTo(
                "Excited State Destri - De Vega Equation for Sine-Gordon and Restricted Sine-Gordon Models");
        assertThat(sineGordon.authors()).containsExactly("D. Fioravanti", "A. Mariottini", "E. Quattrini", "F. Ravanini");
        assertThat(sineGordon.published()).isEqualTo(LocalDate.of(1996, 8, 14));

        Paper sinks = sink.papers.get("2401.01234");
        assertThat(sinks.title()).isEqualTo("Attention Sinks in σ-Transformers: Why They Matter");
        assertThat(sinks.abstractText()).isEqualTo("We study attention sinks & show that O(1) tokens suffice.");
        assertThat(sinks.authors()).containsExactly("Mara Stone", "Jörg Müller Jr", "Li Wei");
        assertThat(sinks.updated()).isEqualTo(LocalDate.of(2025, 9, 18));

        assertThat(sink.papers.get("2403.00003").authors()).containsExactly("Ann Lee", "Bo Chen");
    }

    @Test
    void bad_lines_are_skipped_with_their_number_and_reason() throws Exception {
        Collected sink = read(ImportFilter.none());

        assertThat(sink.skipped).containsExactly(
                Map.entry(3L, "not valid JSON"),
                Map.entry(4L, "no id"),
                Map.entry(5L, "not an arXiv id"),
                Map.entry(6L, "not a JSON object"),
                Map.entry(11L, "no title"),
                Map.entry(13L, "id repeated in the file (the first line is kept)"));
        assertThat(sink.papers).hasSize(6);
    }

    @Test
    void filters_by_category_prefix_and_date_before_cleaning() throws Exception {
        Collected csOnly = read(new ImportFilter(List.of("cs.LG", "cs.CL"), null, null));
        assertThat(csOnly.papers.keySet()).containsExactly("2401.01234", "2310.00001");

        Collected prefix = read(new ImportFilter(List.of("cs."), null, null));
        assertThat(prefix.papers.keySet()).containsExactly("0704.0002", "2401.01234", "2310.00001", "2403.00003");

        Collected archive = read(new ImportFilter(List.of("hep-th", "stat"), null, null));
        assertThat(archive.papers.keySet()).containsExactly("hep-th/9608091", "1901.00001");

        assertThat(read(new ImportFilter(List.of("CS.lg", "Cs.cl"), null, null)).papers.keySet()).as("any case")
                .containsExactlyElementsOf(csOnly.papers.keySet());
        assertThat(read(new ImportFilter(List.of("CS."), null, null)).papers.keySet())
                .containsExactlyElementsOf(prefix.papers.keySet());

        Collected recent = read(new ImportFilter(List.of(), LocalDate.of(2023, 9, 30), LocalDate.of(2024, 1, 3)));
        assertThat(recent.papers.keySet()).containsExactly("2401.01234", "2310.00001");
        assertThat(recent.filtered).hasSize(5);
        assertThat(recent.skipped).containsEntry(13L, "id repeated in the file (the first line is kept)");
    }

    @Test
    void filters_name_known_categories_archives_or_prefixes_in_arxivs_spelling() {
        assertThat(new ImportFilter(List.of("CS.lg", "CS.", "Hep-Th", "stat"), null, null).categories())
                .containsExactly("cs.LG", "cs.", "hep-th", "stat");
        assertThatThrownBy(() -> new ImportFilter(List.of("cs.LG", "zz.XX"), null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("'zz.XX' is not an arXiv category (such as cs.LG");
        assertThatThrownBy(() -> new ImportFilter(List.of("cs_LG"), null, null))
                .hasMessage("'cs_LG' is not an arXiv category: did you mean cs.LG?");
        assertThatThrownBy(() -> new ImportFilter(List.of("zz."), null, null))
                .hasMessageStartingWith("'zz.' is not a prefix of arXiv categories: 'zz' is not an arXiv archive (cs,");
    }
}
