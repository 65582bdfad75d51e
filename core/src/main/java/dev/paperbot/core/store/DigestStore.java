package dev.paperbot.core.store;

import dev.paperbot.core.paper.PaperId;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What each channel was posted, and each day's digest run with its claim.
 *
 * <p>The life of a run: {@link #claim} (state CLAIMED) -> {@link #recordIntent} (POSTING, the papers and number of
 * messages fixed) -> {@link #recordPartPosted} after each message Slack accepted (the part's papers become posted in
 * the same transaction) -> {@link #finish}. Writes that pass a claim which another process has since taken over
 * return false and change nothing.
 */
public interface DigestStore {

    /** Every paper ever posted to the channel. */
    Set<PaperId> postedPapers(ChannelRef channel);

    /**
     * Claims the channel's digest for a local day. Succeeds when nobody claimed it yet, or when the previous
     * owner's lease ran out before {@code now} and the run is not finished (the owner was killed or hung). Empty when
     * the run is finished or another process holds a live claim.
     */
    Optional<DigestClaim> claim(ChannelRef channel, LocalDate day, String owner, Instant now, Duration lease);

    /** Extends a live claim's lease; false when the claim was lost. */
    boolean renew(DigestClaim claim, Instant now, Duration lease);

    /**
     * Records what the run is about to post: the papers in order, into how many messages, and as of when the picks
     * were computed. Must come before the first message is sent.
     */
    boolean recordIntent(DigestClaim claim, List<PaperId> papers, int parts, Instant papersAsOf);

    /**
     * Records that message {@code part} (1-based) was accepted by Slack, and marks its papers as posted to the
     * channel, atomically.
     */
    boolean recordPartPosted(DigestClaim claim, int part, List<PaperId> papers, Instant at);

    /** Ends the run with a final state ({@link DigestRun.State#finished()}) and an optional note. */
    boolean finish(DigestClaim claim, DigestRun.State state, String note, Instant at);

    /**
     * Makes a FAILED run claimable again, for when someone asks for the digest after fixing what failed (inviting
     * the bot back, say). What it had posted stays recorded: a run that failed after some messages is taken up
     * where it stopped. False when the day's run is not FAILED.
     */
    boolean reopenFailed(ChannelRef channel, LocalDate day);

    /** The run of one channel-day, if any. */
    Optional<DigestRun> run(ChannelRef channel, LocalDate day);

    /**
     * The latest finished (posted or empty) run before {@code day}: its {@link DigestRun#papersAsOf()} is where the
     * next digest's window of new papers starts.
     */
    Optional<DigestRun> previousRun(ChannelRef channel, LocalDate day);

    /** Every run of a workspace on a day, for diagnostics and tests. */
    List<DigestRun> runsOn(String teamId, LocalDate day);
}
