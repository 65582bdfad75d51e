package dev.paperbot.bot.slack.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperbot.bot.slack.command.PapersCommand.DigestNow;
import dev.paperbot.bot.slack.command.PapersCommand.DigestPreview;
import dev.paperbot.bot.slack.command.PapersCommand.DigestTime;
import dev.paperbot.bot.slack.command.PapersCommand.Help;
import dev.paperbot.bot.slack.command.PapersCommand.Invalid;
import dev.paperbot.bot.slack.command.PapersCommand.Search;
import dev.paperbot.bot.slack.command.PapersCommand.Subscribe;
import dev.paperbot.bot.slack.command.PapersCommand.Topics;
import dev.paperbot.bot.slack.command.PapersCommand.Unsubscribe;
import dev.paperbot.bot.slack.command.PapersCommand.UnsubscribeAll;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PapersCommandParserTest {

    private final PapersCommandParser parser = new PapersCommandParser();

    private PapersCommand parse(String text) {
        return parser.parse(text);
    }

    private String invalid(String text) {
        PapersCommand c = parse(text);
        assertThat(c).as(text).isInstanceOf(Invalid.class);
        return ((Invalid) c).message();
    }

    @Test
    void free_text_is_a_search() {
        assertThat(parse("quantization")).isEqualTo(new Search("quantization"));
        assertThat(parse("  large   language\tmodels ")).isEqualTo(new Search("large language models"));
        assertThat(parse("topics in diffusion")).isEqualTo(new Search("topics in diffusion"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "help", "HELP", "?", "help me please", "--help"})
    void empty_text_and_help_show_help(String text) {
        assertThat(parse(text)).isInstanceOf(Help.class);
        assertThat(parse(null)).isInstanceOf(Help.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"???", "---", "*", "<>", "!!! ..."})
    void text_without_words_shows_help_with_a_reason(String text) {
        assertThat(parse(text)).isInstanceOfSatisfying(Help.class, h -> assertThat(h.lead()).contains("words"));
    }

    @Test
    void subscribe_splits_topics_on_commas_and_drops_duplicates() {
        assertThat(parse("subscribe llm agents, diffusion ,LLM Agents,, rlhf"))
                .isEqualTo(new Subscribe(List.of("llm agents", "diffusion", "rlhf")));
        assertThat(parse("Subscribe quantization")).isEqualTo(new Subscribe(List.of("quantization")));
    }

    @Test
    void quoted_commas_stay_inside_one_topic_and_smart_quotes_count_as_quotes() {
        assertThat(parse("subscribe author:\u201CLeCun, Yann\u201D, world models"))
                .isEqualTo(new Subscribe(List.of("author:\"LeCun, Yann\"", "world models")));
    }

    @Test
    void example_papers_after_like_stay_one_topic_even_with_commas() {
        assertThat(parse("subscribe like:2306.00978, https://arxiv.org/abs/2310.16836v2, diffusion"))
                .isEqualTo(new Subscribe(List.of("like:2306.00978 https://arxiv.org/abs/2310.16836v2", "diffusion")));
        assertThat(parse("subscribe like: 2306.00978 2310.16836"))
                .isEqualTo(new Subscribe(List.of("like: 2306.00978 2310.16836")));
        // An arXiv id on its own, without like:, is still a topic of its own.
        assertThat(parse("subscribe diffusion, 2306.00978"))
                .isEqualTo(new Subscribe(List.of("diffusion", "2306.00978")));
    }

    @Test
    void subscribe_errors_are_specific() {
        assertThat(invalid("subscribe")).contains("Tell me what to follow");
        assertThat(invalid("subscribe , ,")).contains("topic is empty");
        assertThat(invalid("subscribe " + "x".repeat(500))).contains("500 characters").contains("under 200");
        assertThat(invalid("subscribe a, ---")).contains("no words");
        assertThat(invalid("subscribe a,b,c,d,e,f,g,h,i,j,k")).contains("11 topics");
    }

    @Test
    void unsubscribe_takes_one_topic_or_all() {
        assertThat(parse("unsubscribe diffusion models")).isEqualTo(new Unsubscribe("diffusion models"));
        assertThat(parse("unsubscribe \"diffusion\"")).isEqualTo(new Unsubscribe("diffusion"));
        assertThat(parse("unsubscribe ALL")).isEqualTo(new UnsubscribeAll());
        assertThat(invalid("unsubscribe")).contains("which topic");
    }

    @Test
    void topics_and_digest_subcommands() {
        assertThat(parse("topics")).isEqualTo(new Topics());
        assertThat(parse("digest now")).isEqualTo(new DigestNow());
        assertThat(parse("Digest Preview")).isEqualTo(new DigestPreview());
        assertThat(parse("digest time 09:00")).isEqualTo(new DigestTime(LocalTime.of(9, 0), Optional.empty()));
        assertThat(parse("digest time 7:05 europe/berlin"))
                .isEqualTo(new DigestTime(LocalTime.of(7, 5), Optional.of(ZoneId.of("Europe/Berlin"))));
        assertThat(parse("digest time 5:30pm America/New_York"))
                .isEqualTo(new DigestTime(LocalTime.of(17, 30), Optional.of(ZoneId.of("America/New_York"))));
        assertThat(parse("digest time 9 am UTC")).isEqualTo(new DigestTime(LocalTime.of(9, 0),
                Optional.of(ZoneId.of("UTC"))));
        assertThat(parse("digest time 12am")).isEqualTo(new DigestTime(LocalTime.MIDNIGHT, Optional.empty()));
    }

    @ParameterizedTest
    @CsvSource({"25:00", "9", "09:60", "24:00", "13pm", "noon", "9:5", "-1:00"})
    void bad_times_say_how_to_write_one(String time) {
        assertThat(invalid("digest time " + time)).contains("is not a time of day").contains("HH:MM");
    }

    @Test
    void unknown_timezones_get_a_suggestion_when_one_is_close() {
        assertThat(invalid("digest time 09:00 Europe/Berln")).contains("I don't know the timezone")
                .contains("Did you mean `Europe/Berlin`?");
        assertThat(invalid("digest time 09:00 Mars/Olympus")).contains("Area/City").doesNotContain("Did you mean");
        assertThat(invalid("digest time 09:00 Foo/Paris")).contains("Europe/Paris");
        assertThat(invalid("digest time 09:00 EST")).contains("I don't know the timezone");
    }

    @Test
    void digest_errors_are_specific() {
        assertThat(invalid("digest")).contains("digest time");
        assertThat(invalid("digest tomorrow")).contains("I don't know `digest tomorrow`");
        assertThat(invalid("digest time")).contains("Give a time of day");
        assertThat(invalid("digest now please")).contains("takes nothing after it");
        assertThat(parse("digest quiet")).isEqualTo(new PapersCommand.DigestQuiet(true));
        assertThat(parse("digest quiet OFF")).isEqualTo(new PapersCommand.DigestQuiet(false));
        assertThat(invalid("digest quiet maybe")).contains("digest quiet on");
        assertThat(invalid("digest time 09:00 Europe/Berlin extra")).contains("\u201Cextra\u201D");
    }

    @ParameterizedTest
    @CsvSource({"trending, 7", "Trending, 7", "trending 1, 1", "trending 30, 30", "trending  14d, 14",
            "trending 14 days, 14", "trending 1 day, 1", "TRENDING 007, 7"})
    void trending_takes_an_optional_number_of_days(String text, int days) {
        assertThat(parse(text)).isEqualTo(new PapersCommand.Trending(days));
    }

    @ParameterizedTest
    @ValueSource(strings = {"trending 0", "trending 31", "trending 999999999", "trending -3", "trending week",
            "trending 7 weeks", "trending diffusion models", "trending 3.5", "trending 99999999999"})
    void trending_refuses_other_windows_with_the_range_it_takes(String text) {
        assertThat(invalid(text)).contains("`/papers trending` looks back 1 to 30 days")
                .contains("`/papers trending 14`");
    }

    @Test
    void trending_errors_name_the_number_or_quote_the_text_escaped() {
        assertThat(invalid("trending 31")).endsWith(", not 31.");
        assertThat(invalid("trending <!here>")).contains("\u201C&lt;!here&gt;\u201D").doesNotContain("<!here>");
    }

    @Test
    void a_long_search_is_refused_with_its_length() {
        assertThat(invalid("a ".repeat(300))).contains("599 characters");
    }

    @Test
    void user_text_echoed_in_errors_is_escaped() {
        assertThat(invalid("digest time <!channel>")).contains("&lt;!channel&gt;").doesNotContain("<!channel>");
        assertThat(invalid("digest *bold*")).doesNotContain("*bold*");
    }

    // ---- properties over random input (seeded, so a failure reproduces) ----

    private static final String ALPHABET = "abcXYZ 019,,\"\u201C\u201D:/*_~`<>&!?@#\t\n\u00E9\u4E2D\uD83D\uDE00-.";

    private static String randomText(Random random, int maxLength) {
        int n = random.nextInt(maxLength + 1);
        StringBuilder sb = new StringBuilder();
        List<String> words = List.of("subscribe ", "unsubscribe ", "digest ", "time ", "now", "preview", "topics",
                "help", "all", "09:00 ", "Europe/Berlin", "trending ", "7", "30 days");
        while (sb.length() < n) {
            if (random.nextInt(6) == 0) {
                sb.append(words.get(random.nextInt(words.size())));
            } else {
                sb.appendCodePoint(ALPHABET.codePointAt(ALPHABET.offsetByCodePoints(0,
                        random.nextInt(ALPHABET.codePointCount(0, ALPHABET.length())))));
            }
        }
        return sb.toString();
    }

    @Test
    void any_text_parses_to_a_valid_command_without_throwing() {
        Random random = new Random(20261128);
        for (int i = 0; i < 20_000; i++) {
            String text = randomText(random, 80);
            PapersCommand c = parse(text);
            assertThat(c).as(text).isNotNull();
            switch (c) {
                case Search s -> assertThat(s.query()).isNotBlank().hasSizeLessThanOrEqualTo(500)
                        .doesNotContain("\n", "\t", "  ");
                case Subscribe s -> assertThat(s.topics()).isNotEmpty().hasSizeLessThanOrEqualTo(10)
                        .allSatisfy(t -> assertThat(t).isNotBlank().hasSizeLessThanOrEqualTo(200)
                                .isEqualTo(t.strip()));
                case Unsubscribe u -> assertThat(u.topic()).isNotBlank().hasSizeLessThanOrEqualTo(200);
                case PapersCommand.Trending t -> assertThat(t.days()).isBetween(1, 30);
                case Invalid inv -> assertThat(inv.message()).isNotBlank().doesNotContain("<!", "<@");
                default -> { }
            }
        }
    }

    @Test
    void subscribed_topics_come_back_as_typed() {
        Random random = new Random(7);
        for (int i = 0; i < 2_000; i++) {
            List<String> topics = new ArrayList<>();
            int n = 1 + random.nextInt(10);
            for (int t = 0; t < n; t++) {
                String topic = randomText(random, 30).replaceAll("[,\"\u201C\u201D\\s]+", " ").strip();
                if (!topic.matches(".*[\\p{L}\\p{N}].*") || topics.stream().anyMatch(topic::equalsIgnoreCase)) {
                    continue;
                }
                topics.add(topic);
            }
            if (topics.isEmpty()) {
                continue;
            }
            assertThat(parse("subscribe " + String.join(", ", topics))).isEqualTo(new Subscribe(topics));
        }
    }

    @Test
    void every_time_of_day_round_trips_and_every_region_zone_is_known() {
        for (int h = 0; h < 24; h++) {
            for (int m = 0; m < 60; m++) {
                assertThat(parse(String.format("digest time %02d:%02d", h, m)))
                        .isEqualTo(new DigestTime(LocalTime.of(h, m), Optional.empty()));
            }
        }
        for (String zone : PapersCommandParser.knownZones()) {
            assertThat(parse("digest time 08:15 " + zone))
                    .isEqualTo(new DigestTime(LocalTime.of(8, 15), Optional.of(ZoneId.of(zone))));
        }
    }
}
