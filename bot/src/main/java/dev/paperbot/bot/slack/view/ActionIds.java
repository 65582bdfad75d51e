package dev.paperbot.bot.slack.view;

import java.util.Optional;

/** The {@code action_id}s of the bot's buttons, and what their {@code value}s carry. */
public final class ActionIds {

    /** Value: the paper id. */
    public static final String MORE_LIKE_THIS = "paper.more";
    /** Value: the paper id. */
    public static final String SHARE = "paper.share";
    /** Value: the paper id. */
    public static final String SAVE = "paper.save";
    /** Value: the paper id. */
    public static final String NOT_INTERESTED = "paper.dismiss";
    /** Value: the paper id; the channel follows papers like it ({@code like:<id>}). */
    public static final String FOLLOW_LIKE = "paper.follow_like";
    /** Value: {@link Page#encode()}. */
    public static final String NEXT_PAGE = "results.next";
    /** Value: {@link TrendingPage#encode()}. */
    public static final String NEXT_TRENDING_PAGE = "trending.next";

    private ActionIds() {
    }

    /** Which results page a {@code Next 5} button asks for: the query and how many hits to skip. */
    public record Page(String query, int offset) {

        /** Room left in a button value for the query after the offset and separator. */
        static final int MAX_QUERY_CHARS = BlockLimits.MAX_BUTTON_VALUE - 16;

        public Page {
            query = query.length() > MAX_QUERY_CHARS ? query.substring(0, MAX_QUERY_CHARS) : query;
            if (offset < 0) {
                throw new IllegalArgumentException("offset must not be negative");
            }
        }

        public String encode() {
            return offset + ":" + query;
        }

        /** Parses a button value; empty when it was not made by {@link #encode()} (values come back from clients). */
        public static Optional<Page> decode(String value) {
            if (value == null) {
                return Optional.empty();
            }
            int colon = value.indexOf(':');
            if (colon < 1 || colon > 6) {
                return Optional.empty();
            }
            try {
                return Optional.of(new Page(value.substring(colon + 1), Integer.parseInt(value.substring(0, colon))));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
    }

    /** Which page of {@code /papers trending} a {@code Next 5} button asks for: the window's days and the offset. */
    public record TrendingPage(int days, int offset) {

        public TrendingPage {
            if (days < 1 || offset < 0) {
                throw new IllegalArgumentException("days must be positive and offset not negative");
            }
        }

        public String encode() {
            return days + ":" + offset;
        }

        /** Parses a button value; empty when it was not made by {@link #encode()}. */
        public static Optional<TrendingPage> decode(String value) {
            if (value == null || !value.matches("\\d{1,4}:\\d{1,6}")) {
                return Optional.empty();
            }
            String[] parts = value.split(":");
            try {
                return Optional.of(new TrendingPage(Integer.parseInt(parts[0]), Integer.parseInt(parts[1])));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
    }
}
