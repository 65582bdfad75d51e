package dev.paperbot.core.paper;

import java.time.LocalDate;
import java.util.Objects;

/**
 * How popular a paper was on a given day, for example its upvotes on Hugging Face's daily papers. A signal the
 * recommender can use for "trending"; it says nothing about relevance.
 *
 * @param id      the paper
 * @param upvotes how many people upvoted it (never negative)
 * @param day     the day the signal was observed (the daily list it appeared on)
 */
public record Popularity(PaperId id, int upvotes, LocalDate day) {

    public Popularity {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(day, "day");
        if (upvotes < 0) {
            throw new IllegalArgumentException("upvotes of " + id + " must not be negative, was " + upvotes);
        }
    }
}
