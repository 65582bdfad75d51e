package dev.paperbot.bot.subscription;

import dev.paperbot.bot.digest.DigestPoster;
import java.util.List;

/** For tests in other packages: one scheduler tick now, of digests started with a zero tick interval. */
public final class DigestTicks {

    private DigestTicks() {
    }

    /** Waits until the digests run (the index opened), then ticks once. */
    public static List<DigestPoster.Result> tick(Subscriptions subscriptions) throws InterruptedException {
        DigestSubscriptions digests = (DigestSubscriptions) subscriptions;
        for (int i = 0; i < 500 && digests.ready().isEmpty(); i++) {
            Thread.sleep(20);
        }
        return digests.tickNow();
    }
}
