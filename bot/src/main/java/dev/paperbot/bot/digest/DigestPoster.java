package dev.paperbot.bot.digest;

import dev.paperbot.core.paper.Paper;
import dev.paperbot.core.paper.PaperId;
import dev.paperbot.core.recommend.DailyPicks;
import dev.paperbot.core.recommend.Pick;
import dev.paperbot.core.recommend.Recommender;
import dev.paperbot.core.search.PaperIndex;
import dev.paperbot.core.search.PopularitySignals;
import dev.paperbot.core.search.Snippet;
import dev.paperbot.core.store.ChannelRef;
import dev.paperbot.core.store.ChannelSettings;
import dev.paperbot.core.store.DigestClaim;
import dev.paperbot.core.store.DigestRun;
import dev.paperbot.core.store.PaperbotStore;
import dev.paperbot.core.store.Topic;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts one channel's digest for one local day, exactly once across every bot process sharing the store.
 *
 * <p>The run: claim the channel-day (with a lease) -> compute the picks -> record the intent (papers and number of
 * messages) -> for each message: renew the lease, post it, record it (its papers become "posted") -> finish.
 *
 * <p>Crash between "posted" and "recorded": the narrowest window there is, one message's post and one small
 * transaction. A successor that takes over a run left in POSTING re-renders the same messages from the recorded
 * intent (parts are cut by paper count, not text size) and, for the first unrecorded message only, looks in the
 * channel's history ({@code conversations.history}) for that message's marker block id before posting it. If the
 * history cannot be read (no {@code channels:history} scope, a private channel), it posts: a rare duplicate message
 * is better than a lost digest. A process that stalls longer than the lease and then wakes is fenced off by the
 * store at its next write; it renews the lease before every message to keep that window small.
 */
public final class DigestPoster {

    private static final Logger LOG = LoggerFactory.getLogger(DigestPoster.class);

    /** Errors that may pass by themselves: the run stays claimed and is tried again once the lease runs out. */
    private static final Set<String> TRANSIENT = Set.of(
            "unavailable", "ratelimited", "internal_error", "fatal_error", "service_unavailable", "request_timeout");

    public enum Outcome {
        /** The digest went out. */
        POSTED,
        /** Nothing new: one short line went out. */
        EMPTY,
        /** Nothing new and the channel asked for silence: nothing went out, the day counts as done. */
        QUIET,
        /** Today's digest was already posted (by this or another process). */
        ALREADY_DONE,
        /** Another process holds the claim right now. */
        BUSY,
        /** The channel follows no topics. */
        NO_TOPICS,
        /** The channel's digest is paused (a permanent Slack error earlier). */
        PAUSED,
        /** No bot token for the workspace right now (another workspace's bot, or not known yet): tried again later. */
        NO_TOKEN,
        /** The bot is not installed in the workspace (any more): the channel is now paused with the reason. */
        NOT_INSTALLED,
        /** Slack refused for good: the channel is now paused with the reason. */
        FAILED,
        /** Slack was unavailable after the retries: tried again later. */
        RETRY_LATER
    }

    /** What happened, with the number of messages this call posted and a short detail for logs and replies. */
    public record Result(ChannelRef channel, LocalDate day, Outcome outcome, int messagesPosted, String detail) {
    }

    /** Told what every {@link #post} did (the metrics count it). */
    @FunctionalInterface
    public interface Outcomes {
        void record(Result result);

        /** The post threw instead of returning a result (a store error, a bug); the exception goes on. */
        default void threw(RuntimeException e) {
        }
    }

    /** Called between Slack accepting a message and recording it; tests use it to "kill" the process there. */
    @FunctionalInterface
    interface AfterPost {
        void run(ChannelRef channel, int part);

        AfterPost NONE = (c, p) -> { };
    }

    private final PaperbotStore store;
    private final Recommender recommender;
    private final PaperIndex index;
    private final PopularitySignals signals;
    private final SlackChat slack;
    private final TeamTokens tokens;
    private final Clock clock;
    private final String owner;
    private final Duration lease;
    private final Outcomes outcomes;
    private volatile AfterPost afterPost = AfterPost.NONE;

    /**
     * @param tokens the bot token of each workspace (team id)
     * @param owner  this process's name in claims; unique per process
     * @param lease  how long a claim holds without renewal; a killed process's run is taken over after it
     */
    public DigestPoster(PaperbotStore store, Recommender recommender, PaperIndex index, SlackChat slack,
            TeamTokens tokens, Clock clock, String owner, Duration lease) {
        this(store, recommender, index, slack, tokens, clock, owner, lease, result -> { });
    }

    /** @param outcomes told the result of every {@link #post}, or that it threw (the metrics count them) */
    public DigestPoster(PaperbotStore store, Recommender recommender, PaperIndex index, SlackChat slack,
            TeamTokens tokens, Clock clock, String owner, Duration lease, Outcomes outcomes) {
        this.outcomes = Objects.requireNonNull(outcomes);
        this.store = Objects.requireNonNull(store);
        this.recommender = Objects.requireNonNull(recommender);
        this.index = Objects.requireNonNull(index);
        this.signals = PopularitySignals.of(index);
        this.slack = Objects.requireNonNull(slack);
        this.tokens = Objects.requireNonNull(tokens);
        this.clock = Objects.requireNonNull(clock);
        this.owner = Objects.requireNonNull(owner);
        this.lease = Objects.requireNonNull(lease);
    }

    void afterPost(AfterPost hook) {
        this.afterPost = hook;
    }

    public String owner() {
        return owner;
    }

    /**
     * The picks {@link #post} would send for the day if it ran now: the cached picks (the same ones the scheduled
     * digest uses) without papers posted to or dismissed in the channel since they were computed.
     */
    public DailyPicks picks(ChannelRef channel, LocalDate day) {
        return withoutSeen(recommender.picks(channel, day));
    }

    /** Posts the channel's digest for its local {@code day} unless that day's digest is done or being posted. */
    public Result post(ChannelRef channel, LocalDate day) throws InterruptedException {
        Result result;
        try {
            result = attempt(channel, day);
        } catch (RuntimeException e) {
            outcomes.threw(e);
            throw e;
        }
        outcomes.record(result);
        return result;
    }

    private Result attempt(ChannelRef channel, LocalDate day) throws InterruptedException {
        ChannelSettings settings = store.subscriptions().settings(channel);
        if (settings.paused()) {
            return result(channel, day, Outcome.PAUSED, 0, settings.pause().orElseThrow().reason());
        }
        if (store.subscriptions().subscriptions(channel).isEmpty()) {
            return result(channel, day, Outcome.NO_TOPICS, 0, "");
        }
        String token;
        switch (tokens.lookup(channel.teamId())) {
            case TeamTokens.Found found -> token = found.token();
            case TeamTokens.NotInstalled missing -> {
                store.subscriptions().pause(channel, missing.reason(), clock.instant());
                LOG.info("digest of {} paused: the bot is not installed in workspace {} ({})", channel,
                        channel.teamId(), missing.reason());
                return result(channel, day, Outcome.NOT_INSTALLED, 0, missing.reason());
            }
            case TeamTokens.Unavailable unavailable -> {
                return result(channel, day, Outcome.NO_TOKEN, 0, unavailable.why());
            }
        }
        Optional<DigestClaim> claimed = store.digests().claim(channel, day, owner, clock.instant(), lease);
        if (claimed.isEmpty()) {
            boolean done = store.digests().run(channel, day).map(r -> r.state().finished()).orElse(false);
            return result(channel, day, done ? Outcome.ALREADY_DONE : Outcome.BUSY, 0, "");
        }
        DigestClaim claim = claimed.get();
        try {
            return claim.run().interrupted()
                    ? resume(claim, token)
                    : start(claim, settings, token);
        } catch (SlackPostException e) {
            return failed(claim, e);
        }
    }

    private Result start(DigestClaim claim, ChannelSettings settings, String token)
            throws SlackPostException, InterruptedException {
        ChannelRef channel = claim.channel();
        DailyPicks picks = picks(channel, claim.day());
        if (picks.isEmpty() && settings.quietOnEmpty()) {
            store.digests().recordIntent(claim, List.of(), 0, picks.papersAsOf());
            store.digests().finish(claim, DigestRun.State.EMPTY, "quiet", clock.instant());
            return result(channel, claim.day(), Outcome.QUIET, 0, "");
        }
        List<DigestMessage> messages = DigestMessages.render(picks, signals);
        if (!store.digests().recordIntent(claim, picks.paperIds(), messages.size(), picks.papersAsOf())) {
            return result(channel, claim.day(), Outcome.BUSY, 0, "claim lost before posting");
        }
        return send(claim, token, messages, 1, false, picks.isEmpty());
    }

    /** Finishes a run a dead (or stalled) process left half-posted. */
    private Result resume(DigestClaim claim, String token) throws SlackPostException, InterruptedException {
        DigestRun run = claim.run();
        LOG.info("taking over the digest of {} for {} from {} ({} of {} messages recorded)", run.channel(),
                run.day(), "an earlier owner", run.partsPosted(), run.partsTotal());
        DailyPicks rebuilt = rebuild(run);
        List<DigestMessage> messages = DigestMessages.render(rebuilt, signals);
        return send(claim, token, messages, run.partsPosted() + 1, true, run.papers().isEmpty());
    }

    private Result send(DigestClaim claim, String token, List<DigestMessage> messages, int firstPart,
            boolean checkHistoryFirst, boolean empty) throws SlackPostException, InterruptedException {
        ChannelRef channel = claim.channel();
        int posted = 0;
        for (int part = firstPart; part <= messages.size(); part++) {
            DigestMessage m = messages.get(part - 1);
            if (!store.digests().renew(claim, clock.instant(), lease)) {
                return result(channel, claim.day(), Outcome.BUSY, posted, "claim taken over");
            }
            if (checkHistoryFirst && part == firstPart && alreadyInChannel(claim, token, m)) {
                LOG.info("{} of {} was posted before its poster died; recording it without reposting", m.marker(),
                        channel);
            } else {
                slack.post(token, channel.channelId(), m.text(), m.blocks());
                posted++;
                afterPost.run(channel, part);
            }
            store.digests().recordPartPosted(claim, part, m.papers(), clock.instant());
        }
        store.digests().finish(claim, empty ? DigestRun.State.EMPTY : DigestRun.State.POSTED, null, clock.instant());
        return result(channel, claim.day(), empty ? Outcome.EMPTY : Outcome.POSTED, posted, "");
    }

    private boolean alreadyInChannel(DigestClaim claim, String token, DigestMessage m) throws InterruptedException {
        Instant since = claim.run().papersAsOf().orElse(clock.instant().minus(Duration.ofDays(1)))
                .minus(Duration.ofMinutes(5));
        try {
            return slack.historyHasMarker(token, claim.channel().channelId(), since, m.marker());
        } catch (SlackPostException e) {
            LOG.warn("cannot read the history of {} ({}): posting {} again rather than risk losing it",
                    claim.channel(), e.error(), m.marker());
            return false;
        }
    }

    private Result failed(DigestClaim claim, SlackPostException e) {
        ChannelRef channel = claim.channel();
        Instant now = clock.instant();
        if (TRANSIENT.contains(e.error())) {
            // Leave the claim: once its lease runs out this or another process tries again.
            LOG.warn("digest of {} for {} not posted yet: {}", channel, claim.day(), e.getMessage());
            return result(channel, claim.day(), Outcome.RETRY_LATER, 0, e.error());
        }
        if (e.permanent()) {
            store.subscriptions().pause(channel, e.error(), now);
            LOG.warn("digest of {} paused: Slack answered {}", channel, e.error());
        } else {
            LOG.error("digest of {} for {} failed: {}", channel, claim.day(), e.getMessage());
        }
        store.digests().finish(claim, DigestRun.State.FAILED, e.error(), now);
        return result(channel, claim.day(), Outcome.FAILED, 0, e.error());
    }

    /** Drops papers posted or dismissed since the (cached) picks were computed. */
    private DailyPicks withoutSeen(DailyPicks picks) {
        Set<PaperId> seen = new HashSet<>(store.digests().postedPapers(picks.channel()));
        seen.addAll(store.feedback().dismissed(picks.channel()));
        List<Pick> fresh = picks.picks().stream().filter(p -> !seen.contains(p.paper().id())).toList();
        if (fresh.size() == picks.picks().size()) {
            return picks;
        }
        return new DailyPicks(picks.channel(), picks.day(), picks.zone(), fresh, picks.windowStart(),
                picks.papersAsOf(), picks.topicsVersion());
    }

    /**
     * The picks behind a recorded intent, in its order: with their reasons when this process still has them, else
     * rebuilt from the index (the reason then names the channel's topics in general).
     */
    private DailyPicks rebuild(DigestRun run) {
        DailyPicks current = recommender.picks(run.channel(), run.day());
        Map<PaperId, Pick> known = new HashMap<>();
        current.picks().forEach(p -> known.put(p.paper().id(), p));
        Topic general = Topic.keyword("this channel's topics");
        List<Pick> picks = new ArrayList<>();
        for (PaperId id : run.papers()) {
            Pick pick = known.get(id);
            if (pick == null) {
                Paper paper = index.find(id).orElseGet(() -> Paper.of(id, id.value(), ""));
                pick = new Pick(paper, general, List.of(), Snippet.empty(), 0);
            }
            picks.add(pick);
        }
        return new DailyPicks(run.channel(), run.day(), current.zone(), picks, current.windowStart(),
                run.papersAsOf().orElse(current.papersAsOf()), current.topicsVersion());
    }

    private static Result result(ChannelRef channel, LocalDate day, Outcome outcome, int posted, String detail) {
        return new Result(channel, day, outcome, posted, detail);
    }
}
