package dev.paperbot.index.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperbot.index.source.SeedCorpus;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SearchBenchmarkTest {

    @TempDir
    Path dir;

    @Test
    void searches_the_index_force_merged_to_the_asked_segments_and_says_so() {
        SearchBenchmark.Result r = SearchBenchmark.run(dir.resolve("index"), SeedCorpus.papers(),
                List.of("quantization", "graph neural networks"), 1, 1, n -> { });

        assertThat(r.documents()).isEqualTo(SeedCorpus.papers().size());
        assertThat(r.segments()).isEqualTo(1);
        assertThat(r.mergeSeconds()).isPositive();
        assertThat(r.search().samples()).isEqualTo(2);
        assertThat(r.concurrent().search().samples()).isEqualTo(2 * SearchBenchmark.CONCURRENT_THREADS);
    }

    @Test
    void without_a_merge_searches_the_index_as_the_load_left_it() {
        SearchBenchmark.Result r = SearchBenchmark.run(dir.resolve("index"), SeedCorpus.papers(),
                List.of("quantization"), 1, 0, n -> { });

        assertThat(r.mergeSeconds()).isZero();
        assertThat(r.segments()).isPositive();
    }
}
