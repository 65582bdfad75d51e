package dev.paperbot.index.source;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperbot.core.paper.Paper;
import dev.paperbot.core.paper.PaperId;
import dev.paperbot.core.search.PaperIndex.UpsertSummary;
import dev.paperbot.index.search.BulkOptions;
import dev.paperbot.index.search.IndexSettings;
import dev.paperbot.index.search.LuceneIndex;
import dev.paperbot.index.search.PaperIndexes;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileReadersTest {

    record Read(List<Paper> papers, List<String> skips) {
    }

    static Read read(PaperFormat format, String text) throws IOException {
        return read(format, ImportFilter.none(), text);
    }

    static Read read(PaperFormat format, ImportFilter filter, String text) throws IOException {
        List<Paper> papers = new ArrayList<>();
        List<String> skips = new ArrayList<>();
        format.reader(filter).read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), new PaperSink() {
            @Override
            public void paper(Paper paper) {
                papers.add(paper);
            }

            @Override
            public void skipped(long line, String reason) {
                skips.add(line + ": " + reason);
            }
        });
        return new Read(papers, skips);
    }

    @Test
    void jsonl_reads_every_documented_field() throws IOException {
        Read read = read(PaperFormat.JSONL, """
                {"id": "arXiv:2401.01234v3", "title": "Sparse\\n  attention", "abstract": "A  b.", \
                "authors": ["Ada Lovelace", " Alan Turing "], "categories": "cs.LG cs.AI", \
                "date": "2024-01-31T12:00:00Z", "url": "https://example.org/p"}
                {"title": "No id", "abstract": "x", "authors": "Ann One, Bob Two and Cy Three", \
                "categories": ["stat.ML"]}
                """);

        assertThat(read.skips()).isEmpty();
        Paper first = read.papers().get(0);
        assertThat(first.id()).isEqualTo(new PaperId("2401.01234"));
        assertThat(first.title()).isEqualTo("Sparse attention");
        assertThat(first.abstractText()).isEqualTo("A b.");
        assertThat(first.authors()).containsExactly("Ada Lovelace", "Alan Turing");
        assertThat(first.categories()).containsExactly("cs.LG", "cs.AI");
        assertThat(first.published()).isEqualTo(LocalDate.of(2024, 1, 31));
        assertThat(first.url()).isEqualTo("https://example.org/p");
        assertThat(first.source()).isEqualTo("jsonl");
        Paper second = read.papers().get(1);
        assertThat(second.id()).isEqualTo(PaperId.fromTitle("No id"));
        assertThat(second.authors()).containsExactly("Ann One", "Bob Two", "Cy Three");
        assertThat(second.categories()).containsExactly("stat.ML");
    }

    @Test
    void jsonl_skips_bad_lines_with_their_number_and_reason() throws IOException {
        Read read = read(PaperFormat.JSONL, """
                {"title": "Good", "abstract": "x"}
                {"title": "Missing brace"
                [1, 2]

                {"abstract": "no title"}
                {"title": "   ", "abstract": "blank title"}
                {"title": "Bad date", "date": "31/01/2024"}
                {"title": "Good too"}
                """);

        assertThat(read.papers()).extracting(Paper::title).containsExactly("Good", "Good too");
        assertThat(read.skips()).containsExactly("2: not valid JSON", "3: not a JSON object", "5: no title",
                "6: no title", "7: date is not YYYY-MM-DD");
    }

    @Test
    void beir_uses_the_corpus_id_and_titles_untitled_documents_with_their_opening_words() throws IOException {
        Read read = read(PaperFormat.BEIR, """
                {"_id": "4983", "title": "Microstructure", "text": "White matter develops."}
                {"_id": 17, "title": "", "text": "one two three four five six seven eight nine ten eleven twelve thirteen"}
                {"_id": "", "title": "x", "text": "y"}
                {"_id": "9", "title": "", "text": ""}
                """);

        assertThat(read.papers()).extracting(p -> p.id().value()).containsExactly("4983", "17");
        assertThat(read.papers().get(1).title()).isEqualTo(
                "one two three four five six seven eight nine ten eleven twelve…");
        assertThat(read.skips()).containsExactly("3: no _id", "4: no title and no text");
    }

    @Test
    void a_repeated_id_is_skipped_with_its_line_and_the_first_line_kept() throws IOException {
        Read jsonl = read(PaperFormat.JSONL, """
                {"id": "2401.00001", "title": "First"}
                {"id": "arXiv:2401.00001v2", "title": "Second version"}
                {"title": "Untitled id"}
                {"title": "Untitled  id", "abstract": "same title, so the same derived id"}
                """);
        assertThat(jsonl.papers()).extracting(Paper::title).containsExactly("First", "Untitled id");
        assertThat(jsonl.skips()).containsExactly("2: " + FirstOfEachId.REPEATED, "4: " + FirstOfEachId.REPEATED);

        Read beir = read(PaperFormat.BEIR, """
                {"_id": "7", "title": "A", "text": "x"}
                {"_id": 7, "title": "B", "text": "y"}
                """);
        assertThat(beir.papers()).extracting(Paper::title).containsExactly("A");
        assertThat(beir.skips()).containsExactly("2: " + FirstOfEachId.REPEATED);
    }

    @Test
    void a_line_the_filter_leaves_out_does_not_hold_its_id() throws IOException {
        Read read = read(PaperFormat.JSONL, new ImportFilter(List.of("cs.LG"), null, null), """
                {"id": "2401.00001", "title": "Filed under maths", "categories": "math.AG"}
                {"id": "2401.00001", "title": "Filed under machine learning", "categories": "cs.LG"}
                {"id": "2401.00001", "title": "Again", "categories": "cs.LG"}
                """);

        assertThat(read.papers()).extracting(Paper::title).containsExactly("Filed under machine learning");
        assertThat(read.skips()).containsExactly("3: " + FirstOfEachId.REPEATED);
    }

    @Test
    void an_import_on_several_threads_keeps_the_first_line_of_each_repeated_id(@TempDir Path dir) throws IOException {
        // Every id twice, the copies 3,000 lines apart: in different batches, so on different indexing threads.
        int papers = 3_000;
        StringBuilder text = new StringBuilder();
        for (String version : List.of("first", "second")) {
            for (int i = 0; i < papers; i++) {
                text.append("{\"id\": \"p").append(i).append("\", \"title\": \"").append(version)
                        .append(" version of paper ").append(i).append("\"}\n");
            }
        }
        Path file = dir.resolve("papers.jsonl");
        Files.writeString(file, text);
        try (LuceneIndex index = PaperIndexes.inMemory(IndexSettings.defaults(), Clock.systemUTC())) {
            PaperImport.Report report = PaperImport.run(file, PaperFormat.JSONL, ImportFilter.none(), index,
                    BulkOptions.defaults(), (bytes, read) -> { }, 4);

            assertThat(new UpsertSummary(report.added(), report.replaced())).isEqualTo(new UpsertSummary(papers, 0));
            assertThat(report.skipped()).isEqualTo(Map.of(FirstOfEachId.REPEATED, (long) papers));
            assertThat(report.examples().getFirst())
                    .isEqualTo(new PaperImport.Skip(papers + 1, FirstOfEachId.REPEATED));
            assertThat(index.size()).isEqualTo(papers);
            for (int i = 0; i < papers; i++) {
                assertThat(index.find(new PaperId("p" + i)).orElseThrow().title()).startsWith("first");
            }
        }
    }

    @Test
    void import_reads_gzip_and_counts_added_replaced_and_skipped(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("papers.jsonl.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write("""
                    {"id": "2401.00001", "title": "A", "abstract": "a"}
                    {"id": "2401.00002", "title": "B", "abstract": "b"}
                    {"id": "2401.00001v2", "title": "A revised", "abstract": "a"}
                    {"id": "%s", "title": "Id too long", "abstract": "x"}
                    nonsense
                    """.formatted("x".repeat(2000)).getBytes(StandardCharsets.UTF_8));
        }
        try (LuceneIndex index = PaperIndexes.inMemory(IndexSettings.defaults(), Clock.systemUTC())) {
            index.upsert(List.of(Paper.of(new PaperId("2401.00002"), "B old", "b")));

            PaperImport.Report report = PaperImport.run(file, PaperFormat.JSONL, index, BulkOptions.defaults(),
                    (bytes, papers) -> { });

            assertThat(new UpsertSummary(report.added(), report.replaced())).isEqualTo(new UpsertSummary(1, 1));
            assertThat(report.skipped()).isEqualTo(Map.of("not valid JSON", 1L,
                    "id is longer than 1000 characters", 1L, FirstOfEachId.REPEATED, 1L));
            assertThat(report.examples()).extracting(PaperImport.Skip::line).containsExactly(3L, 4L, 5L);
            assertThat(index.size()).isEqualTo(2);
            assertThat(index.find(new PaperId("2401.00001")).orElseThrow().title()).isEqualTo("A");
        }
    }

    @Test
    void the_seed_corpus_has_227_papers_with_distinct_ids() {
        List<Paper> papers = SeedCorpus.papers();
        assertThat(papers).hasSize(227).allSatisfy(p -> assertThat(p.source()).isEqualTo("seed"));
        assertThat(papers.stream().map(Paper::id).distinct()).hasSize(227);
    }
}
