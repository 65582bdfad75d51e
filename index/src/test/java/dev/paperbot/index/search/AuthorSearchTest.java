package dev.paperbot.index.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperbot.core.paper.Paper;
import dev.paperbot.core.paper.PaperId;
import dev.paperbot.core.search.SearchHit;
import dev.paperbot.core.search.SearchQuery;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AuthorSearchTest {

    @Test
    void an_author_query_finds_papers_by_that_author_only_whatever_the_case() {
        try (LuceneIndex index = PaperIndexes.inMemory(IndexSettings.defaults(),
                Clock.fixed(Instant.parse("2026-03-01T00:00:00Z"), ZoneOffset.UTC))) {
            index.upsert(List.of(
                    Paper.of(new PaperId("2601.00001"), "World models", "Predictive architectures")
                            .withAuthors(List.of("Yann LeCun", "Ann Other")),
                    Paper.of(new PaperId("2601.00002"), "On Yann LeCun's ideas", "Yann LeCun is mentioned here")
                            .withAuthors(List.of("Someone Else")),
                    Paper.of(new PaperId("2601.00003"), "Energy based models (v2)", "More by him")
                            .withAuthors(List.of("Yann LeCun"))));

            List<SearchHit> hits = index.search(SearchQuery.of("yann  lecun", 10)
                    .withField(SearchQuery.Field.AUTHORS)).hits();
            assertThat(hits).extracting(h -> h.paper().id().value())
                    .containsExactlyInAnyOrder("2601.00001", "2601.00003");

            assertThat(index.search(SearchQuery.of("Yann LeCun", 10).withField(SearchQuery.Field.AUTHORS)
                    .withExcluded(Set.of(new PaperId("2601.00001")))).hits())
                    .extracting(h -> h.paper().id().value()).containsExactly("2601.00003");
            assertThat(index.search(SearchQuery.of("Yann (LeCun)*", 10).withField(SearchQuery.Field.AUTHORS)).hits())
                    .isEmpty();
        }
    }
}
