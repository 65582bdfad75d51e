package dev.paperbot.bot.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperbot.bot.config.DigestConfig;
import dev.paperbot.bot.testing.TestIndexes;
import dev.paperbot.core.paper.Paper;
import dev.paperbot.core.paper.PaperId;
import dev.paperbot.core.recommend.Recommender;
import dev.paperbot.core.recommend.RecommenderSettings;
import dev.paperbot.core.recommend.Recommenders;
import dev.paperbot.core.store.ChannelRef;
import dev.paperbot.core.store.PaperbotStore;
import dev.paperbot.core.store.StoreConfig;
import dev.paperbot.core.store.Stores;
import dev.paperbot.core.store.Topic;
import dev.paperbot.core.testing.FakeTime;
import dev.paperbot.index.search.LuceneIndex;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DigestSettingsTest {

    @Test
    void the_defaults_of_the_config_are_the_recommenders_defaults() {
        DigestSettings fromConfig = DigestSettings.from(DigestConfig.defaults());

        assertThat(fromConfig.recommender()).isEqualTo(RecommenderSettings.defaults());
        assertThat(fromConfig.parallelism()).isEqualTo(DigestSettings.defaults().parallelism());
    }

    @Test
    void a_longer_window_brings_papers_the_default_one_leaves_out(@TempDir Path home) {
        FakeTime time = new FakeTime(Instant.parse("2026-03-01T08:00:00Z"));
        ChannelRef channel = ChannelRef.of("T1", "C1");
        try (LuceneIndex index = TestIndexes.inMemory(time);
                PaperbotStore store = Stores.open(StoreConfig.sqlite(home))) {
            index.upsert(List.of(Paper.of(new PaperId("2603.00001"), "agents that plan", "agents plan with tools")));
            time.set(Instant.parse("2026-03-11T08:00:00Z")); // ten days later
            store.subscriptions().subscribe(channel, Topic.keyword("agents"), "U1", time.instant());
            LocalDate day = LocalDate.of(2026, 3, 11);

            Recommender sevenDays = Recommenders.uncached(index, store,
                    DigestSettings.from(DigestConfig.defaults()).recommender(), time, time);
            Recommender fourteenDays = Recommenders.uncached(index, store,
                    DigestSettings.from(new DigestConfig(14, 3, 10, 4)).recommender(), time, time);

            assertThat(sevenDays.picks(channel, day).isEmpty()).isTrue();
            assertThat(fourteenDays.picks(channel, day).paperIds()).extracting(PaperId::value)
                    .containsExactly("2603.00001");
        }
    }

    @Test
    void what_operators_set_reaches_the_recommender_and_the_scheduler() {
        DigestSettings s = DigestSettings.from(new DigestConfig(14, 5, 20, 8));

        assertThat(s.recommender().window()).isEqualTo(Duration.ofDays(14));
        assertThat(s.recommender().perTopic()).isEqualTo(5);
        assertThat(s.recommender().maxPerDigest()).isEqualTo(20);
        assertThat(s.parallelism()).isEqualTo(8);
        // Finer knobs keep their defaults.
        assertThat(s.recommender().diversity()).isEqualTo(RecommenderSettings.defaults().diversity());
        assertThat(s.lease()).isEqualTo(DigestSettings.defaults().lease());
    }
}
