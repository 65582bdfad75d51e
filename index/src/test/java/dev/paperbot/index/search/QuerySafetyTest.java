package dev.paperbot.index.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperbot.core.search.SearchQuery;
import dev.paperbot.core.search.SearchResults;
import dev.paperbot.index.analysis.PaperAnalyzer;
import dev.paperbot.index.source.SeedCorpus;
import dev.paperbot.index.testing.RandomText;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.MultiTermQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.TermQuery;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Whatever a user types gives results or a clear notice, never an exception, and only cheap query types. */
class QuerySafetyTest {

    private static LuceneIndex index;
    private final LexicalQueryBuilder builder =
            new LexicalQueryBuilder(new PaperAnalyzer(), IndexSettings.defaults());
    private final UserQueryParser parser = new UserQueryParser();

    @BeforeAll
    static void seed() {
        index = PaperIndexes.inMemory(IndexSettings.defaults(), Clock.systemUTC());
        SeedCorpus.seedIfEmpty(index);
    }

    @AfterAll
    static void close() {
        index.close();
    }

    static List<String> hostile() {
        List<String> inputs = new ArrayList<>(List.of(
                "", " ", "\"", "\"\"", "\"quantization", "quantization\"", "\"pre training", "a \"b\" \"c",
                "AND (", "OR", "NOT quantization", "quantization AND (", ")))(((", "+quantization -llm",
                "*:*", "*", "?", "quant*", "*ization", "qu?ntization", "quantization~2", "/quan.*/", "[a TO z]",
                "{* TO *}", "title:", "field:value", "title:quantization abstract:llm", "_id:1", "id:x^100",
                "quantization^1000000", "\\", "\\\"", "&&", "||", "!", "\u0000\u0001\u0007\u001b[31m", "\t\n\r",
                "🚀 quantization 🚀", "👩‍💻", "\uD800", "\uDC00 quantization \uD800", "\uFFFF\uFFFE",
                "日本語の論文", "مرحبا", "ä ö ü ß", "' OR 1=1 --", "<script>alert(1)</script>",
                "%s%n%x", "${jndi:ldap://x}", "a".repeat(10_000), "quantization ".repeat(2_000),
                "x".repeat(40_000) + " quantization", "\"" + "word ".repeat(500) + "\"",
                "pre-training-of-very-long-hyphenated-chains-".repeat(50)));
        for (int i = 0; i < 60; i++) {
            inputs.add("w" + i + " ");
        }
        inputs.add(String.join(" ", inputs.subList(inputs.size() - 60, inputs.size())));
        return inputs;
    }

    @ParameterizedTest
    @MethodSource("hostile")
    void hostile_input_returns_results_or_a_notice(String text) {
        SearchResults results = index.search(SearchQuery.of(text, 20));

        assertThat(results.hits().isEmpty() && results.notice().isEmpty() && results.totalHits() > 0).isFalse();
        assertThat(results.hits()).hasSizeLessThanOrEqualTo(20);
        results.notice().ifPresent(notice -> assertThat(notice).isNotBlank().doesNotContain("Exception"));
        assertThat(index.rank(SearchQuery.of(text, 20))).hasSizeLessThanOrEqualTo(20);
    }

    @ParameterizedTest
    @MethodSource("hostile")
    void hostile_input_builds_only_term_and_phrase_queries_with_a_bounded_number_of_clauses(String text) {
        Optional<LexicalQuery> query = builder.build(parser.parse(text));

        query.ifPresent(q -> assertThat(assertOnlyCheapQueries(q.query())).isLessThanOrEqualTo(
                2 * LexicalQueryBuilder.MAX_TERMS + LexicalQueryBuilder.MAX_PHRASE_TERMS + UserQueryParser.MAX_WORDS));
    }

    @Test
    void syntax_is_just_text() {
        // Field prefixes and operators are not syntax: "title:" finds nothing special, quantization still counts.
        assertThat(index.search(SearchQuery.of("title:quantization")).hits()).isNotEmpty();
        assertThat(index.search(SearchQuery.of("NOT quantization")).hits().getFirst().paper().title().toLowerCase())
                .contains("quantiz");
        assertThat(index.search(SearchQuery.of("*:*")).notice()).contains(LucenePaperIndex.NOTHING_TO_SEARCH);
    }

    @Test
    void long_queries_are_cut_and_the_user_is_told() {
        SearchResults longText = index.search(SearchQuery.of("quantization " + "x".repeat(10_000)));
        assertThat(longText.notice()).hasValueSatisfying(n -> assertThat(n).contains("first 1000 characters"));
        assertThat(longText.hits()).isNotEmpty();

        String manyWords = "quantization " + "word ".repeat(100);
        assertThat(index.search(SearchQuery.of(manyWords)).notice())
                .hasValueSatisfying(n -> assertThat(n).contains("first 32"));
    }

    @Test
    void an_unbalanced_quote_is_an_ordinary_character() {
        assertThat(index.search(SearchQuery.of("\"post-training quantization")).hits())
                .extracting(h -> h.paper().title().toLowerCase()).first().asString().contains("quantization");
    }

    @Test
    void a_quoted_phrase_must_occur() {
        SearchResults results = index.search(SearchQuery.of("\"classifier-free guidance\" diffusion", 50));
        assertThat(results.hits()).isNotEmpty().allSatisfy(h -> assertThat(
                (h.paper().title() + " " + h.paper().abstractText()).toLowerCase()).contains("classifier-free guidance"));
    }

    @Test
    void random_input_never_throws() {
        RandomText random = new RandomText(42L);
        for (int i = 0; i < 400; i++) {
            String text = random.next(i % 10 == 0 ? 3_000 : 80);
            builder.build(parser.parse(text)).ifPresent(q -> assertThat(assertOnlyCheapQueries(q.query()))
                    .as(text).isLessThanOrEqualTo(2 * LexicalQueryBuilder.MAX_TERMS
                            + LexicalQueryBuilder.MAX_PHRASE_TERMS + UserQueryParser.MAX_WORDS));
            SearchResults results = index.search(SearchQuery.of(text, 5));
            assertThat(results.hits().isEmpty() && results.notice().isEmpty() && results.totalHits() > 0)
                    .as(text).isFalse();
        }
    }

    @Test
    void paging_far_beyond_the_window_is_refused_politely() {
        SearchResults results = index.search(SearchQuery.of("quantization").withOffset(Integer.MAX_VALUE - 5));
        assertThat(results.hits()).isEmpty();
        assertThat(results.notice()).isPresent();
    }

    /** Asserts that the query holds only term and phrase queries; returns how many terms it holds. */
    private static int assertOnlyCheapQueries(Query query) {
        int[] terms = {0};
        query.visit(new QueryVisitor() {
            @Override
            public QueryVisitor getSubVisitor(org.apache.lucene.search.BooleanClause.Occur occur, Query parent) {
                assertThat(parent).isInstanceOfAny(BooleanQuery.class, BoostQuery.class, PhraseQuery.class,
                        org.apache.lucene.search.DisjunctionMaxQuery.class,
                        org.apache.lucene.search.MultiPhraseQuery.class);
                return this;
            }

            @Override
            public void visitLeaf(Query leaf) {
                assertThat(leaf).isNotInstanceOf(MultiTermQuery.class);
            }

            @Override
            public void consumeTerms(Query q, org.apache.lucene.index.Term... consumed) {
                assertThat(q).isInstanceOfAny(TermQuery.class, PhraseQuery.class,
                        org.apache.lucene.search.MultiPhraseQuery.class);
                terms[0] += consumed.length;
            }
        });
        return terms[0];
    }
}
