package dev.paperbot.bot.slack.command;

import dev.paperbot.bot.slack.view.TrendingView;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** What a {@code /papers ...} text asks for, once parsed and validated by {@link PapersCommandParser}. */
public sealed interface PapersCommand {

    /** Search for papers with free text (never blank). */
    record Search(String query) implements PapersCommand {
        public Search {
            if (query.isBlank()) {
                throw new IllegalArgumentException("blank query");
            }
        }
    }

    /** The most upvoted papers on Hugging Face of the last {@code days} days (1 to {@value TrendingView#MAX_DAYS}). */
    record Trending(int days) implements PapersCommand {
        public Trending {
            if (days < 1 || days > TrendingView.MAX_DAYS) {
                throw new IllegalArgumentException("days must be 1.." + TrendingView.MAX_DAYS + ", was " + days);
            }
        }
    }

    /** Show help; {@code lead} (escaped mrkdwn, or null) says why, for example what was not understood. */
    record Help(String lead) implements PapersCommand {
    }

    record Subscribe(List<String> topics) implements PapersCommand {
        public Subscribe {
            topics = List.copyOf(topics);
            if (topics.isEmpty()) {
                throw new IllegalArgumentException("no topics");
            }
        }
    }

    record Unsubscribe(String topic) implements PapersCommand {
        public Unsubscribe {
            Objects.requireNonNull(topic, "topic");
        }
    }

    record UnsubscribeAll() implements PapersCommand {
    }

    record Topics() implements PapersCommand {
    }

    record DigestTime(LocalTime time, Optional<ZoneId> zone) implements PapersCommand {
        public DigestTime {
            Objects.requireNonNull(time, "time");
            Objects.requireNonNull(zone, "zone");
        }
    }

    record DigestNow() implements PapersCommand {
    }

    record DigestPreview() implements PapersCommand {
    }

    /** {@code digest quiet on|off}: on a day without new papers, post nothing ({@code true}) or one short line. */
    record DigestQuiet(boolean quiet) implements PapersCommand {
    }

    /** Input that cannot work; {@code message} is one friendly, specific line of escaped mrkdwn. */
    record Invalid(String message) implements PapersCommand {
        public Invalid {
            Objects.requireNonNull(message, "message");
        }
    }
}
