package dev.paperbot.bot.activity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperbot.bot.subscription.Requester;
import dev.paperbot.core.paper.PaperId;
import dev.paperbot.core.store.PaperbotStore;
import dev.paperbot.core.store.StoreConfig;
import dev.paperbot.core.store.Stores;
import dev.paperbot.core.testing.FakeTime;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Both implementations keep the same contract; the store one survives a restart. */
class StorePaperActivityTest {

    @TempDir
    Path home;

    final List<PaperbotStore> opened = new java.util.ArrayList<>();

    @org.junit.jupiter.api.AfterEach
    void closeStores() {
        opened.forEach(PaperbotStore::close);
    }

    static final Requester ALICE = new Requester("T1", "C1", "U1");
    static final Requester BOB_SAME_CHANNEL = new Requester("T1", "C1", "U2");
    static final Requester OTHER_TEAM = new Requester("T2", "C1", "U1");

    void contract(Function<Clock, PaperActivity> make) {
        Instant t0 = Instant.parse("2026-11-27T10:00:00Z");
        PaperActivity activity = make.apply(Clock.fixed(t0, ZoneOffset.UTC));
        activity.record(ALICE, new PaperId("2401.00001"), PaperActivity.Kind.SAVED);
        PaperActivity later = make.apply(Clock.fixed(t0.plus(Duration.ofMinutes(5)), ZoneOffset.UTC));
        later.record(ALICE, new PaperId("2401.00002"), PaperActivity.Kind.SHARED);
        later.record(ALICE, new PaperId("2401.00003"), PaperActivity.Kind.NOT_INTERESTED);

        assertThat(later.recentSavedOrShared("T1", "U1", 10)).extracting(PaperActivity.Entry::paper,
                PaperActivity.Entry::kind).containsExactly(
                org.assertj.core.groups.Tuple.tuple(new PaperId("2401.00002"), PaperActivity.Kind.SHARED),
                org.assertj.core.groups.Tuple.tuple(new PaperId("2401.00001"), PaperActivity.Kind.SAVED));
        assertThat(later.notInterested(ALICE)).containsExactly(new PaperId("2401.00003"));
        // A dismissal in a channel holds for everyone asking from that channel, and never leaks to other teams.
        assertThat(later.notInterested(BOB_SAME_CHANNEL)).containsExactly(new PaperId("2401.00003"));
        assertThat(later.notInterested(OTHER_TEAM)).isEmpty();
        assertThat(later.recentSavedOrShared("T2", "U1", 10)).isEmpty();
    }

    @Test
    void in_memory_keeps_the_contract() {
        // One process throughout: the clock it was made with moves on.
        FakeTime clock = new FakeTime(Instant.EPOCH);
        PaperActivity activity = PaperActivity.inMemory(clock);
        contract(c -> {
            clock.set(c.instant());
            return activity;
        });
    }

    @Test
    void the_store_keeps_the_contract_across_restarts() {
        contract(clock -> {
            // A fresh store on the same SQLite file each time: what a restarted bot sees.
            PaperbotStore store = Stores.open(StoreConfig.sqlite(home));
            opened.add(store);
            return PaperActivity.store(store.feedback(), clock);
        });
    }
}
