package dev.paperbot.bot.subscription;

import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;

import com.slack.api.model.block.LayoutBlock;
import dev.paperbot.bot.digest.DigestMessage;
import dev.paperbot.bot.digest.DigestMessages;
import dev.paperbot.bot.digest.DigestPoster;
import dev.paperbot.bot.schedule.DigestTimes;
import dev.paperbot.bot.slack.Replies;
import dev.paperbot.bot.slack.command.PapersSlashCommand;
import dev.paperbot.bot.slack.view.BlockLimits;
import dev.paperbot.bot.slack.view.Mrkdwn;
import dev.paperbot.bot.slack.view.Reply;
import dev.paperbot.bot.slack.view.TrendingView;
import dev.paperbot.core.recommend.DailyPicks;
import dev.paperbot.core.recommend.TrendingPapers;
import dev.paperbot.core.search.PaperIndex;
import dev.paperbot.core.search.PopularitySignals;
import dev.paperbot.core.search.SearchQuery;
import dev.paperbot.core.store.ChannelRef;
import dev.paperbot.core.store.ChannelSettings;
import dev.paperbot.core.store.DigestRun;
import dev.paperbot.core.store.PaperbotStore;
import dev.paperbot.core.store.Subscription;
import dev.paperbot.core.store.SubscriptionStore;
import dev.paperbot.core.store.Topic;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The subscription commands over the store, the picks cache and the poster. Topic changes drop the channel's cached
 * picks; {@code subscribe} and {@code digest now} resume a paused digest. Replies are ephemeral mrkdwn; everything a
 * user typed is escaped.
 */
final class StoreSubscriptionCommands implements SubscriptionCommands {

    private static final Logger LOG = LoggerFactory.getLogger(StoreSubscriptionCommands.class);

    /** The digests, once the index is open. */
    interface Gate {
        Optional<Digests> ready();

        /** True when they will never be ready (the index could not be opened). */
        boolean failed();
    }

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMMM", Locale.ENGLISH);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);
    private static final int TOPIC_CHARS = 120;
    private static final int MAX_TITLES_LISTED = 10;

    private final PaperbotStore store;
    private final SubscriptionStore subscriptions;
    private final Gate digests;
    private final Clock clock;

    StoreSubscriptionCommands(PaperbotStore store, Gate digests, Clock clock) {
        this.store = store;
        this.subscriptions = store.subscriptions();
        this.digests = digests;
        this.clock = clock;
    }

    // ---- topics ---------------------------------------------------------------------------------------------

    @Override
    public Reply subscribe(Requester who, List<String> typed) {
        Optional<ChannelRef> channel = channel(who);
        if (channel.isEmpty()) {
            return notInAChannel();
        }
        ChannelRef ch = channel.get();
        List<Topic> added = new ArrayList<>();
        List<Topic> known = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        Instant now = clock.instant();
        for (int i = 0; i < typed.size(); i++) {
            String raw = typed.get(i);
            Topic topic;
            try {
                topic = Topic.parse(raw);
            } catch (IllegalArgumentException e) {
                problems.add(Mrkdwn.escape(e.getMessage(), 200));
                continue;
            }
            try {
                // A millisecond apart, so the topics keep the order they were typed in (digests follow it).
                (subscriptions.subscribe(ch, topic, who.userId(), now.plusMillis(i)) ? added : known).add(topic);
            } catch (IllegalStateException full) {
                problems.add("This channel already follows " + SubscriptionStore.MAX_TOPICS_PER_CHANNEL
                        + " topics, the most it can; " + describe(topic) + " and any after it were not added."
                        + " `/papers unsubscribe <topic>` makes room.");
                break;
            }
        }
        if (!added.isEmpty()) {
            invalidate(ch);
        }
        List<String> lines = new ArrayList<>();
        if (!added.isEmpty()) {
            lines.add(":white_check_mark: This channel now follows " + list(added) + ".");
        }
        if (!known.isEmpty()) {
            lines.add("It already followed " + list(known) + ".");
        }
        List<Topic> unmatched = unmatched(added);
        if (!unmatched.isEmpty()) {
            lines.add(":grey_question: Nothing in my index matches " + list(unmatched) + " yet (is it spelled as in"
                    + " the papers?); the digest brings papers on it once they come in.");
        }
        if (withoutSignals(added)) {
            lines.add(":grey_question: There are no Hugging Face upvotes in my index yet, so trending papers come"
                    + " once there are. To get them, " + TrendingView.HOW_TO_GET_SIGNALS + ".");
        }

        lines.addAll(problems);
        if (added.isEmpty() && known.isEmpty()) {
            return Reply.mrkdwn(String.join("\n", lines));
        }
        ChannelSettings settings = subscriptions.settings(ch);
        if (settings.paused() && subscriptions.resume(ch)) {
            lines.add(":arrow_forward: Its digest was paused (" + pauseReason(settings.pause().orElseThrow())
                    + "); it runs again from now on.");
            settings = subscriptions.settings(ch);
        }
        lines.add(schedule(ch, settings) + " `/papers digest preview` shows what it brings, `/papers topics`"
                + " lists the topics.");
        return Reply.mrkdwn(String.join("\n", lines));
    }

    @Override
    public Reply unsubscribe(Requester who, String typed) {
        Optional<ChannelRef> channel = channel(who);
        if (channel.isEmpty()) {
            return notInAChannel();
        }
        ChannelRef ch = channel.get();
        Topic topic;
        try {
            topic = Topic.parse(typed);
        } catch (IllegalArgumentException e) {
            return Reply.mrkdwn(Mrkdwn.escape(e.getMessage(), 200));
        }
        boolean removed = subscriptions.unsubscribe(ch, topic);
        List<Subscription> left = subscriptions.subscriptions(ch);
        if (!removed) {
            return Reply.mrkdwn("This channel does not follow " + describe(topic) + ". "
                    + (left.isEmpty() ? "It follows no topics." : "It follows " + list(topics(left)) + "."));
        }
        invalidate(ch);
        return Reply.mrkdwn(":white_check_mark: This channel no longer follows " + describe(topic) + ". "
                + (left.isEmpty() ? "It follows no topics now, so no more digests come here."
                : "It still follows " + list(topics(left)) + "."));
    }

    @Override
    public Reply unsubscribeAll(Requester who) {
        Optional<ChannelRef> channel = channel(who);
        if (channel.isEmpty()) {
            return notInAChannel();
        }
        int removed = subscriptions.unsubscribeAll(channel.get());
        if (removed == 0) {
            return Reply.mrkdwn("This channel followed no topics, so there was nothing to stop.");
        }
        invalidate(channel.get());
        return Reply.mrkdwn(":white_check_mark: This channel no longer follows its " + removed
                + (removed == 1 ? " topic" : " topics") + "; no more digests come here."
                + " `/papers subscribe <topic>` starts again.");
    }

    @Override
    public Reply topics(Requester who) {
        Optional<ChannelRef> channel = channel(who);
        if (channel.isEmpty()) {
            return notInAChannel();
        }
        ChannelRef ch = channel.get();
        List<Subscription> subs = subscriptions.subscriptions(ch);
        ChannelSettings settings = subscriptions.settings(ch);
        List<LayoutBlock> blocks = new ArrayList<>();
        if (subs.isEmpty()) {
            blocks.add(text("This channel follows no topics yet. Try `/papers subscribe llm agents, diffusion`,"
                    + " `/papers subscribe author:\"Yann LeCun\"` or `/papers subscribe trending`."));
            blocks.add(text("*Digest time:* " + time(settings) + " (`/papers digest time 08:30 Europe/Berlin`"
                    + " changes it)."));
            return new Reply("This channel follows no topics yet.", blocks);
        }
        List<String> lines = new ArrayList<>();
        for (Subscription s : subs) {
            lines.add("\u2022 " + describe(s.topic()) + " \u2014 added by <@" + Mrkdwn.escape(s.subscribedBy(), 64)
                    + "> on " + DATE.format(s.subscribedAt().atZone(settings.zone())));
        }
        blocks.add(text("*This channel follows " + subs.size() + (subs.size() == 1 ? " topic" : " topics") + ":*"));
        addInSections(blocks, lines);
        blocks.add(text("*Digest:* " + schedule(ch, settings)
                + (settings.quietOnEmpty() ? " Nothing is posted on a day without new papers."
                : " A day without new papers gets one short line.")));
        settings.pause().ifPresent(p -> blocks.add(text(":double_vertical_bar: *Paused* since "
                + DATE.format(p.since().atZone(settings.zone())) + ": " + pauseReason(p) + ". "
                + "Once fixed, `/papers digest now` resumes it and posts today's digest.")));
        blocks.add(context(c -> c.elements(List.of(markdownText("`/papers subscribe <topic>` \u00B7"
                + " `/papers unsubscribe <topic>` \u00B7 `/papers digest time HH:MM Area/City` \u00B7"
                + " `/papers digest preview`")))));
        return new Reply("This channel follows " + subs.size() + (subs.size() == 1 ? " topic" : " topics")
                + (settings.paused() ? "; its digest is paused" : ""), blocks);
    }

    // ---- digest settings and digests ------------------------------------------------------------------------

    @Override
    public Reply digestTime(Requester who, LocalTime time, Optional<ZoneId> zone) {
        Optional<ChannelRef> channel = channel(who);
        if (channel.isEmpty()) {
            return notInAChannel();
        }
        ChannelRef ch = channel.get();
        ZoneId z = zone.orElse(subscriptions.settings(ch).zone());
        subscriptions.setDigestTime(ch, time, z);
        ChannelSettings settings = subscriptions.settings(ch);
        String hint = zone.isEmpty() && z.equals(ChannelSettings.DEFAULT_ZONE)
                ? " Add your timezone to use local time, like `/papers digest time " + time + " Europe/Berlin`."
                : "";
        if (subscriptions.subscriptions(ch).isEmpty()) {
            return Reply.mrkdwn(":alarm_clock: This channel's digest time is now " + time(settings) + "." + hint
                    + " It follows no topics yet: `/papers subscribe <topic>` starts the digest.");
        }
        String next = settings.paused() ? "The digest is paused, though (" + pauseReason(settings.pause().orElseThrow())
                + "); `/papers digest now` resumes it." : capitalised(next(ch, settings));
        return Reply.mrkdwn(":alarm_clock: This channel's digest time is now " + time(settings) + ". " + next + hint);
    }

    @Override
    public Reply digestQuiet(Requester who, boolean quiet) {
        Optional<ChannelRef> channel = channel(who);
        if (channel.isEmpty()) {
            return notInAChannel();
        }
        subscriptions.setQuietOnEmpty(channel.get(), quiet);
        return Reply.mrkdwn(quiet
                ? ":zipper_mouth_face: On a day without new papers this channel gets nothing from now on"
                        + " (`/papers digest quiet off` brings back the short line)."
                : ":speech_balloon: On a day without new papers this channel gets one short line that says so.");
    }

    @Override
    public Reply digestNow(Requester who) {
        Optional<ChannelRef> channel = channel(who);
        if (channel.isEmpty()) {
            return notInAChannel();
        }
        ChannelRef ch = channel.get();
        if (subscriptions.subscriptions(ch).isEmpty()) {
            return noTopics();
        }
        Optional<Digests> d = digests.ready();
        if (d.isEmpty()) {
            return notReady();
        }
        ChannelSettings settings = subscriptions.settings(ch);
        String resumed = "";
        if (settings.paused() && subscriptions.resume(ch)) {
            resumed = ":arrow_forward: The digest was paused (" + pauseReason(settings.pause().orElseThrow())
                    + "); it runs again. ";
        }
        LocalDate today = DigestTimes.localDay(clock.instant(), settings.zone());
        // Asking again after a failure is the way to try again: today's failed run is reopened.
        store.digests().reopenFailed(ch, today);
        DigestPoster.Result result;
        try {
            result = d.get().poster.post(ch, today);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Replies.somethingWentWrong();
        }
        LOG.info("digest now in {}: {} ({} messages)", ch, result.outcome(), result.messagesPosted());
        return Reply.mrkdwn(resumed + nowOutcome(ch, result));
    }

    private String nowOutcome(ChannelRef ch, DigestPoster.Result r) {
        ChannelSettings settings = subscriptions.settings(ch);
        String tomorrow = " The next one comes " + when(DigestTimes.dueAt(r.day().plusDays(1), settings.digestTime(),
                settings.zone()), settings.zone()) + ".";
        return switch (r.outcome()) {
            case POSTED -> {
                int papers = store.digests().run(ch, r.day()).map(run -> run.papers().size()).orElse(0);
                yield ":white_check_mark: Posted today's digest: " + papers + (papers == 1 ? " paper" : " papers")
                        + " in " + r.messagesPosted() + (r.messagesPosted() == 1 ? " message" : " messages")
                        + ". It counts as today's digest." + tomorrow;
            }
            case EMPTY -> ":white_check_mark: No new papers on this channel's topics today; I posted the short line"
                    + " that says so. It counts as today's digest." + tomorrow;
            case QUIET -> "No new papers on this channel's topics today, and this channel asked for nothing on such"
                    + " days, so nothing was posted." + tomorrow;
            case ALREADY_DONE -> "Today's digest was already posted here." + tomorrow;
            case BUSY -> "Today's digest is being posted right now; it will be in the channel in a moment.";
            case NO_TOPICS -> noTopics().text();
            case PAUSED -> "This channel's digest is paused (" + code(r.detail()) + ").";
            case NO_TOKEN -> ":warning: I have no Slack token for this workspace, so I cannot post here.";
            case NOT_INSTALLED -> ":warning: I am not installed in this workspace any more, so I cannot post here;"
                    + " the digest is paused until the app is installed again.";
            case FAILED -> ":warning: Slack refused the digest (" + code(r.detail()) + ")"
                    + hint(r.detail()).map(h -> ": " + h).orElse("") + "."
                    + (settings.paused() ? " The digest is paused until `/papers digest now` works." : "");
            case RETRY_LATER -> ":hourglass_flowing_sand: Slack is not answering right now (" + code(r.detail())
                    + "); I will post today's digest as soon as it does.";
        };
    }

    @Override
    public List<Reply> digestPreview(Requester who) {
        Optional<ChannelRef> channel = channel(who);
        if (channel.isEmpty()) {
            return List.of(notInAChannel());
        }
        ChannelRef ch = channel.get();
        List<Subscription> subs = subscriptions.subscriptions(ch);
        if (subs.isEmpty()) {
            return List.of(noTopics());
        }
        Optional<Digests> d = digests.ready();
        if (d.isEmpty()) {
            return List.of(notReady());
        }
        ChannelSettings settings = subscriptions.settings(ch);
        Instant now = clock.instant();
        LocalDate today = DigestTimes.localDay(now, settings.zone());
        Optional<DigestRun> run = store.digests().run(ch, today);
        boolean done = run.map(r -> r.state().finished()).orElse(false);
        Instant next = DigestTimes.next(now, settings.digestTime(), settings.zone(), since(subs), done);
        DailyPicks picks;
        String intro;
        if (!done) {
            // Today's cached picks: exactly what the day's digest (scheduled or `digest now`) posts.
            picks = d.get().poster.picks(ch, today);
            if (run.isPresent()) {
                intro = "Today's digest is being posted right now; it brings these papers.";
            } else if (DigestTimes.localDay(next, settings.zone()).equals(today)) {
                intro = "*Preview of today's digest*, due " + when(next, settings.zone()) + ": it will bring"
                        + " exactly these papers (papers added before then come in tomorrow's).";
            } else {
                intro = "*Preview:* the first digest comes " + when(next, settings.zone()) + ". If it went out now"
                        + " (`/papers digest now`), it would bring these papers.";
            }
        } else {
            // Today's went out: a look at tomorrow's so far, not cached, so papers added until then still join it.
            picks = d.get().upcoming.picks(ch, today.plusDays(1));
            intro = "Today's digest went out. *Tomorrow's so far* (it goes out " + when(next, settings.zone())
                    + "; papers added until then may still join it):";
        }
        if (settings.paused()) {
            intro += "\n:double_vertical_bar: The digest is paused (" + pauseReason(settings.pause().orElseThrow())
                    + "); `/papers digest now` resumes it.";
        }
        return previewReply(intro, DigestMessages.render(picks, PopularitySignals.of(d.get().index)), picks);
    }

    /**
     * The digest's messages as they will look, the first led by the intro; past what one answer may hold, the last
     * message lists the titles of the papers left out.
     */
    private static List<Reply> previewReply(String intro, List<DigestMessage> messages, DailyPicks picks) {
        List<Reply> replies = new ArrayList<>();
        int shownPapers = 0;
        for (int i = 0; i < messages.size(); i++) {
            DigestMessage m = messages.get(i);
            if (i == PapersSlashCommand.MAX_MESSAGES - 1 && messages.size() > PapersSlashCommand.MAX_MESSAGES) {
                replies.add(rest(picks, shownPapers));
                break;
            }
            List<LayoutBlock> blocks = new ArrayList<>();
            if (i == 0) {
                blocks.add(text(intro));
            }
            blocks.addAll(m.blocks());
            replies.add(new Reply(i == 0 ? "Digest preview: " + m.text() : m.text(), blocks));
            shownPapers += m.papers().size();
        }
        return replies;
    }

    /** One line with the titles of the papers from {@code from} on. */
    private static Reply rest(DailyPicks picks, int from) {
        List<String> titles = new ArrayList<>();
        int more = picks.picks().size() - from;
        picks.picks().subList(from, picks.picks().size()).stream().limit(MAX_TITLES_LISTED)
                .forEach(p -> titles.add(Mrkdwn.escape(p.paper().title(), 150)));
        String line = "\u2026and " + more + (more == 1 ? " more paper: " : " more papers: ")
                + String.join("; ", titles) + (more > titles.size() ? "; \u2026" : "");
        return new Reply("\u2026and " + more + " more papers", List.of(context(c -> c.elements(List.of(
                markdownText(BlockLimits.clip(line, BlockLimits.MAX_CONTEXT_TEXT)))))));
    }

    // ---- helpers --------------------------------------------------------------------------------------------

    private static Optional<ChannelRef> channel(Requester who) {
        return who.channelId() == null || who.channelId().isBlank() ? Optional.empty()
                : Optional.of(ChannelRef.of(who.teamId(), who.channelId()));
    }

    /** The topics no paper in the index matches at all (only known once the index is open). */
    private List<Topic> unmatched(List<Topic> topics) {
        Optional<Digests> d = digests.ready();
        if (d.isEmpty()) {
            return List.of();
        }
        PaperIndex index = d.get().index;
        return topics.stream().filter(t -> switch (t.kind()) {
            // Papers like examples need at least one example the index knows.
            case LIKE -> t.exampleIds().stream().noneMatch(id -> index.find(id).isPresent());
            case AUTHOR -> index.search(SearchQuery.of(t.text(), 1).withField(SearchQuery.Field.AUTHORS)).isEmpty();
            case KEYWORD -> index.search(SearchQuery.of(t.text(), 1)).isEmpty();
            // Matched by popularity, not words: see withoutSignals.
            case TRENDING -> false;
        }).toList();
    }

    /** True when a trending topic was added while the index has no popularity signal to rank by. */
    private boolean withoutSignals(List<Topic> added) {
        Optional<Digests> d = digests.ready();
        return d.isPresent() && added.stream().anyMatch(t -> t.kind() == Topic.Kind.TRENDING)
                && !new TrendingPapers(PopularitySignals.of(d.get().index), d.get().index).hasSignals();
    }

    private void invalidate(ChannelRef ch) {
        digests.ready().ifPresent(d -> d.picks.invalidate(ch));
    }

    private static Reply notInAChannel() {
        return Reply.mrkdwn("Subscriptions belong to a channel: type this command in the channel that should get"
                + " the digest.");
    }

    private static Reply noTopics() {
        return Reply.mrkdwn("This channel follows no topics yet, so it has no digest. Start with"
                + " `/papers subscribe llm agents, diffusion`.");
    }

    private Reply notReady() {
        return digests.failed()
                ? Reply.mrkdwn(":x: My paper index could not be opened, so digests are off; the bot's log says why.")
                : Replies.indexNotReady();
    }

    /** "Its digest comes daily at 09:00 Europe/Berlin; the next one comes today at 09:00." */
    private String schedule(ChannelRef ch, ChannelSettings settings) {
        return "Its digest comes daily at " + time(settings) + "; " + (settings.paused()
                ? "it is paused now, so none comes until it is resumed." : next(ch, settings));
    }

    private String next(ChannelRef ch, ChannelSettings settings) {
        List<Subscription> subs = subscriptions.subscriptions(ch);
        if (subs.isEmpty()) {
            return "there is no next one until it follows a topic.";
        }
        Instant now = clock.instant();
        LocalDate today = DigestTimes.localDay(now, settings.zone());
        boolean done = store.digests().run(ch, today).map(r -> r.state().finished()).orElse(false);
        Instant next = DigestTimes.next(now, settings.digestTime(), settings.zone(), since(subs), done);
        boolean first = store.digests().previousRun(ch, today.plusDays(1)).isEmpty();
        return (first ? "the first one comes " : "the next one comes ") + when(next, settings.zone()) + ".";
    }

    private static String capitalised(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** "in a moment", "today at 09:00", "tomorrow (Wed 4 March) at 09:00": in the channel's zone. */
    private String when(Instant at, ZoneId zone) {
        Instant now = clock.instant();
        if (!at.isAfter(now.plus(Duration.ofMinutes(1)))) {
            return "in a moment";
        }
        LocalDate today = DigestTimes.localDay(now, zone);
        var local = at.atZone(zone);
        String time = local.toLocalTime().withSecond(0).withNano(0).toString();
        LocalDate day = local.toLocalDate();
        if (day.equals(today)) {
            return "today at " + time;
        }
        return (day.equals(today.plusDays(1)) ? "tomorrow (" + DAY.format(day) + ")" : "on " + DAY.format(day))
                + " at " + time;
    }

    private static String time(ChannelSettings s) {
        return s.digestTime() + " " + s.zone().getId();
    }

    private static Instant since(List<Subscription> subs) {
        return subs.stream().map(Subscription::subscribedAt).min(Comparator.naturalOrder()).orElseThrow();
    }

    private static List<Topic> topics(List<Subscription> subs) {
        return subs.stream().map(Subscription::topic).toList();
    }

    /**
     * {@code “llm agents”}, {@code author “Yann LeCun”}, {@code papers like “2306.00978”} or
     * {@code trending papers (most upvoted on Hugging Face)}, escaped.
     */
    static String describe(Topic topic) {
        String quoted = "\u201C" + Mrkdwn.escape(topic.text(), TOPIC_CHARS) + "\u201D";
        return switch (topic.kind()) {
            case AUTHOR -> "author " + quoted;
            case LIKE -> "papers like " + quoted;
            case TRENDING -> "trending papers (most upvoted on Hugging Face)";
            case KEYWORD -> quoted;
        };
    }

    private static String list(List<Topic> topics) {
        return String.join(", ", topics.stream().map(StoreSubscriptionCommands::describe).toList());
    }

    private static String pauseReason(ChannelSettings.Pause pause) {
        return "Slack answered " + code(pause.reason()) + hint(pause.reason()).map(h -> ": " + h).orElse("");
    }

    /** A Slack error code in a code span: only the characters such codes are made of, so nothing to escape. */
    private static String code(String error) {
        String clean = error.replaceAll("[^A-Za-z0-9_.]", "");
        return "`" + (clean.length() > 60 ? clean.substring(0, 60) : clean) + "`";
    }

    /** What a person can do about a permanent Slack error. */
    static Optional<String> hint(String error) {
        return Optional.ofNullable(switch (error) {
            case "not_in_channel" -> "I am not in this channel; invite me with `/invite @paperbot`";
            case "channel_not_found" -> "Slack cannot find this channel for me; if it is private, invite me with"
                    + " `/invite @paperbot`";
            case "is_archived" -> "this channel is archived";
            case "invalid_auth", "not_authed", "token_revoked", "account_inactive" ->
                    "my Slack token no longer works; the app needs to be reinstalled";
            case "missing_scope" -> "the app lacks a permission; reinstall it from manifest.yml";
            case "app_uninstalled", "tokens_revoked", "not_installed" ->
                    "the app was removed from this workspace; installing it again resumes the digest";
            default -> null;
        });
    }

    private static LayoutBlock text(String mrkdwn) {
        String t = BlockLimits.clip(mrkdwn, BlockLimits.MAX_SECTION_TEXT);
        return section(s -> s.text(markdownText(t)));
    }

    /** Lines packed into as few sections as the 3000-character limit allows. */
    private static void addInSections(List<LayoutBlock> blocks, List<String> lines) {
        StringBuilder current = new StringBuilder();
        for (String line : lines) {
            if (current.length() + line.length() + 1 > BlockLimits.MAX_SECTION_TEXT) {
                blocks.add(text(current.toString()));
                current.setLength(0);
            }
            current.append(current.isEmpty() ? "" : "\n").append(line);
        }
        if (!current.isEmpty()) {
            blocks.add(text(current.toString()));
        }
    }
}
