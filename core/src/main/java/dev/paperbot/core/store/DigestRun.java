package dev.paperbot.core.store;

import dev.paperbot.core.paper.PaperId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One channel's digest for one local day, as recorded in the store. There is at most one per channel and day: the
 * row is the claim that makes a digest go out exactly once even with several bot processes.
 *
 * @param channel     the channel
 * @param day         the channel's local date the digest is for
 * @param state       where the run is
 * @param owner       the process that holds (or last held) the claim
 * @param attempt     how many times the run was claimed; also the fencing token of the current claim
 * @param leaseUntil  until when the owner's claim holds; after that another process may take the run over
 * @param papers      the papers the digest is posting (its intent), in order; empty before the intent is recorded
 * @param papersAsOf  the instant the picks were computed; the next digest looks for papers added after it
 * @param partsTotal  how many messages the digest is split into (0 before the intent is recorded)
 * @param partsPosted how many of those messages Slack has accepted (recorded right after each one)
 * @param note        why it ended as it did (the Slack error of a failed run), or empty
 */
public record DigestRun(
        ChannelRef channel,
        LocalDate day,
        State state,
        String owner,
        int attempt,
        Instant leaseUntil,
        List<PaperId> papers,
        Optional<Instant> papersAsOf,
        int partsTotal,
        int partsPosted,
        Optional<String> note) {

    public enum State {
        /** Claimed, picks not yet recorded. */
        CLAIMED,
        /** The intent (papers, number of parts) is recorded and messages are going out. */
        POSTING,
        /** Every part was posted. */
        POSTED,
        /** Nothing new that day: one short line was posted, or nothing if the channel chose quiet. */
        EMPTY,
        /** A permanent error (the channel paused) ended the day's run. */
        FAILED;

        public boolean finished() {
            return this == POSTED || this == EMPTY || this == FAILED;
        }
    }

    public DigestRun {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(state, "state");
        papers = List.copyOf(papers);
        papersAsOf = papersAsOf == null ? Optional.empty() : papersAsOf;
        note = note == null ? Optional.empty() : note;
    }

    /** True when an earlier owner had started posting: some parts may already be in the channel. */
    public boolean interrupted() {
        return state == State.POSTING;
    }
}
