package dev.paperbot.bot.slack.command;

import dev.paperbot.bot.slack.view.Mrkdwn;
import dev.paperbot.bot.slack.view.TrendingView;
import java.time.DateTimeException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the text after {@code /papers} into a {@link PapersCommand}. Total: any text gives a command, never an
 * exception; bad input gives {@link PapersCommand.Invalid} with a message that names what was wrong.
 *
 * <p>The first word picks the subcommand ({@code help}, {@code subscribe}, {@code unsubscribe}, {@code topics},
 * {@code digest}, {@code trending}), case-insensitively; anything else is a search. {@code topics} followed by more
 * words is a search ("topics in ..."), since the bare word is all the subcommand takes.
 */
public final class PapersCommandParser {

    public static final int MAX_QUERY_CHARS = 500;
    public static final int MAX_TOPIC_CHARS = 200;
    public static final int MAX_TOPICS_PER_COMMAND = 10;

    /** How much of the user's own text an error message quotes back. */
    private static final int ECHO_CHARS = 60;

    private static final Pattern TIME_24H = Pattern.compile("(\\d{1,2})[:.h](\\d{2})");
    private static final Pattern TIME_12H = Pattern.compile("(\\d{1,2})(?::(\\d{2}))?\\s*([ap])\\.?m\\.?",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern HAS_WORD = Pattern.compile("[\\p{L}\\p{N}]");
    /** {@code 7}, {@code 7d}, {@code 7 days}: how far {@code trending} looks back. */
    private static final Pattern DAYS = Pattern.compile("(\\d{1,9})\\s*(?:d|days?)?", Pattern.CASE_INSENSITIVE);

    /** Region ids by lower case, so {@code europe/berlin} finds {@code Europe/Berlin}. */
    private static final Map<String, String> ZONES = zones();

    private static final String DIGEST_USAGE = "`/papers digest time 09:00 Europe/Berlin`, `/papers digest preview`"
            + " or `/papers digest now`";

    public PapersCommand parse(String rawText) {
        String text = normalise(rawText);
        if (text.isEmpty()) {
            return new PapersCommand.Help(null);
        }
        String[] firstAndRest = text.split(" ", 2);
        String first = firstAndRest[0].toLowerCase(Locale.ROOT);
        String rest = firstAndRest.length > 1 ? firstAndRest[1].strip() : "";
        return switch (first) {
            case "help", "?", "-h", "--help" -> new PapersCommand.Help(null);
            case "subscribe", "follow" -> subscribe(rest);
            case "unsubscribe", "unfollow" -> unsubscribe(rest);
            case "topics" -> rest.isEmpty() ? new PapersCommand.Topics() : search(text);
            case "digest" -> digest(rest);
            case "trending" -> trending(rest);
            default -> search(text);
        };
    }

    /** Strips, turns typographic quotes (Slack clients autocorrect them) into plain ones, collapses blanks. */
    static String normalise(String raw) {
        if (raw == null) {
            return "";
        }
        String s = raw.replace('\u201C', '"').replace('\u201D', '"').replace('\u201E', '"')
                .replace('\u2018', '\'').replace('\u2019', '\'')
                .replaceAll("[\\p{Cc}\\p{Z}\\s]+", " ");
        return s.strip();
    }

    private static PapersCommand search(String text) {
        if (!HAS_WORD.matcher(text).find()) {
            return new PapersCommand.Help("I need some words to search for, like `/papers quantization`.");
        }
        if (text.length() > MAX_QUERY_CHARS) {
            return new PapersCommand.Invalid("That search is " + text.length() + " characters long; keep it under "
                    + MAX_QUERY_CHARS + ".");
        }
        return new PapersCommand.Search(text);
    }

    private static PapersCommand trending(String rest) {
        if (rest.isEmpty()) {
            return new PapersCommand.Trending(TrendingView.DEFAULT_DAYS);
        }
        String usage = "`/papers trending` looks back 1 to " + TrendingView.MAX_DAYS + " days ("
                + TrendingView.DEFAULT_DAYS + " without a number), like `/papers trending 14`";
        Matcher m = DAYS.matcher(rest);
        if (!m.matches()) {
            return new PapersCommand.Invalid(usage + "; I did not understand " + quote(rest) + ".");
        }
        int days = Integer.parseInt(m.group(1));
        if (days < 1 || days > TrendingView.MAX_DAYS) {
            return new PapersCommand.Invalid(usage + ", not " + days + ".");
        }
        return new PapersCommand.Trending(days);
    }

    private static PapersCommand subscribe(String rest) {
        if (rest.isEmpty()) {
            return new PapersCommand.Invalid("Tell me what to follow, for example"
                    + " `/papers subscribe llm agents, diffusion` (separate topics with commas).");
        }
        List<String> parts = joinExamples(splitTopics(rest));
        Map<String, String> unique = new LinkedHashMap<>();
        for (String topic : parts) {
            if (topic.isEmpty()) {
                continue;
            }
            Optional<String> problem = topicProblem(topic);
            if (problem.isPresent()) {
                return new PapersCommand.Invalid(problem.get());
            }
            unique.putIfAbsent(topic.toLowerCase(Locale.ROOT), topic);
        }
        if (unique.isEmpty()) {
            return new PapersCommand.Invalid("That topic is empty. Tell me what to follow, for example"
                    + " `/papers subscribe llm agents`.");
        }
        if (unique.size() > MAX_TOPICS_PER_COMMAND) {
            return new PapersCommand.Invalid("That is " + unique.size() + " topics at once; subscribe to at most "
                    + MAX_TOPICS_PER_COMMAND + " per command.");
        }
        return new PapersCommand.Subscribe(new ArrayList<>(unique.values()));
    }

    private static PapersCommand unsubscribe(String rest) {
        if (rest.isEmpty()) {
            return new PapersCommand.Invalid("Tell me which topic to stop following, like"
                    + " `/papers unsubscribe diffusion`, or `/papers unsubscribe all`.");
        }
        if (rest.equalsIgnoreCase("all")) {
            return new PapersCommand.UnsubscribeAll();
        }
        String topic = stripQuotes(rest);
        return topicProblem(topic).<PapersCommand>map(PapersCommand.Invalid::new)
                .orElseGet(() -> new PapersCommand.Unsubscribe(topic));
    }

    private static Optional<String> topicProblem(String topic) {
        if (topic.length() > MAX_TOPIC_CHARS) {
            return Optional.of("That topic is " + topic.length() + " characters long; keep each topic under "
                    + MAX_TOPIC_CHARS + " characters (separate several topics with commas).");
        }
        if (!HAS_WORD.matcher(topic).find()) {
            return Optional.of("The topic " + quote(topic) + " has no words in it. Topics are words to look for,"
                    + " like `llm agents`.");
        }
        return Optional.empty();
    }

    /** Splits on commas outside double quotes, so {@code author:"LeCun, Yann"} stays one topic. */
    static List<String> splitTopics(String text) {
        List<String> topics = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (char c : text.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == ',' && !quoted) {
                topics.add(current.toString().strip());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        topics.add(current.toString().strip());
        return topics;
    }

    /**
     * Keeps {@code like:2401.01234, 2402.05678} one topic: parts after a {@code like:} part that are arXiv ids or
     * links belong to it (a topic never is just an arXiv id).
     */
    static List<String> joinExamples(List<String> parts) {
        List<String> joined = new ArrayList<>();
        for (String part : parts) {
            boolean example = !joined.isEmpty() && joined.getLast().toLowerCase(Locale.ROOT).startsWith("like:")
                    && !part.isEmpty() && part.split("\\s+").length == 1
                    && dev.paperbot.core.paper.PaperId.arxiv(part.replaceAll("^<|>$", "")).isPresent();
            if (example) {
                joined.set(joined.size() - 1, joined.getLast() + " " + part);
            } else {
                joined.add(part);
            }
        }
        return joined;
    }

    /** A topic typed as {@code "llm agents"} is the same as {@code llm agents}. */
    private static String stripQuotes(String topic) {
        String t = topic.strip();
        if (t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"") && t.indexOf('"', 1) == t.length() - 1) {
            return t.substring(1, t.length() - 1).strip();
        }
        return t;
    }

    private static PapersCommand digest(String rest) {
        String[] words = rest.isEmpty() ? new String[0] : rest.split(" ");
        if (words.length == 0) {
            return new PapersCommand.Invalid("What about the digest? Try " + DIGEST_USAGE + ".");
        }
        String sub = words[0].toLowerCase(Locale.ROOT);
        return switch (sub) {
            case "now" -> words.length == 1 ? new PapersCommand.DigestNow() : extraWords("digest now", words, 1);
            case "preview" -> words.length == 1 ? new PapersCommand.DigestPreview()
                    : extraWords("digest preview", words, 1);
            case "time", "at" -> digestTime(words);
            case "quiet" -> digestQuiet(words);
            default -> new PapersCommand.Invalid("I don't know `digest " + Mrkdwn.escape(words[0], ECHO_CHARS)
                    + "`. Try " + DIGEST_USAGE + ".");
        };
    }

    private static PapersCommand digestQuiet(String[] words) {
        String onOff = words.length == 1 ? "on" : words[1].toLowerCase(Locale.ROOT);
        if (words.length > 2 || !Set.of("on", "off").contains(onOff)) {
            return new PapersCommand.Invalid("Use `/papers digest quiet on` (nothing on a day without new papers)"
                    + " or `/papers digest quiet off` (one short line on such days).");
        }
        return new PapersCommand.DigestQuiet(onOff.equals("on"));
    }

    private static PapersCommand extraWords(String command, String[] words, int from) {
        return new PapersCommand.Invalid("`/papers " + command + "` takes nothing after it; I did not understand "
                + quote(String.join(" ", List.of(words).subList(from, words.length))) + ".");
    }

    private static PapersCommand digestTime(String[] words) {
        if (words.length == 1) {
            return new PapersCommand.Invalid("Give a time of day, like `/papers digest time 09:00` or"
                    + " `/papers digest time 17:30 America/New_York`.");
        }
        // "9 am" arrives as two words: join an am/pm word to the time before it.
        List<String> args = new ArrayList<>(List.of(words).subList(1, words.length));
        if (args.size() >= 2 && args.get(1).toLowerCase(Locale.ROOT).matches("[ap]\\.?m\\.?")) {
            args.set(0, args.get(0) + args.remove(1));
        }
        if (args.size() > 2) {
            return new PapersCommand.Invalid("`digest time` takes a time and an optional timezone, like"
                    + " `/papers digest time 09:00 Europe/Berlin`; I did not understand "
                    + quote(String.join(" ", args.subList(2, args.size()))) + ".");
        }
        Optional<LocalTime> time = parseTime(args.get(0));
        if (time.isEmpty()) {
            return new PapersCommand.Invalid(quote(args.get(0)) + " is not a time of day. Use 24-hour HH:MM,"
                    + " like 09:00 or 17:30.");
        }
        if (args.size() == 1) {
            return new PapersCommand.DigestTime(time.get(), Optional.empty());
        }
        String zone = args.get(1);
        String id = ZONES.get(zone.toLowerCase(Locale.ROOT));
        if (id == null) {
            String suggestion = closestZone(zone).map(z -> " Did you mean `" + z + "`?").orElse("");
            return new PapersCommand.Invalid("I don't know the timezone " + quote(zone) + "." + suggestion
                    + " Use an Area/City name like Europe/Berlin, America/New_York or Asia/Tokyo (or UTC).");
        }
        return new PapersCommand.DigestTime(time.get(), Optional.of(ZoneId.of(id)));
    }

    static Optional<LocalTime> parseTime(String text) {
        try {
            Matcher m24 = TIME_24H.matcher(text);
            if (m24.matches()) {
                return Optional.of(LocalTime.of(Integer.parseInt(m24.group(1)), Integer.parseInt(m24.group(2))));
            }
            Matcher m12 = TIME_12H.matcher(text);
            if (m12.matches()) {
                int hour = Integer.parseInt(m12.group(1));
                int minute = m12.group(2) == null ? 0 : Integer.parseInt(m12.group(2));
                if (hour < 1 || hour > 12) {
                    return Optional.empty();
                }
                boolean pm = m12.group(3).equalsIgnoreCase("p");
                return Optional.of(LocalTime.of(hour % 12 + (pm ? 12 : 0), minute));
            }
        } catch (DateTimeException | NumberFormatException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static Map<String, String> zones() {
        Map<String, String> zones = new TreeMap<>();
        for (String id : ZoneId.getAvailableZoneIds()) {
            // Region names only: "EST"-style abbreviations are ambiguous, "Etc/GMT+5" has its sign reversed.
            if (id.contains("/") && !id.startsWith("Etc/") && !id.startsWith("SystemV/")) {
                zones.put(id.toLowerCase(Locale.ROOT), id);
            }
        }
        zones.put("utc", "UTC");
        zones.put("etc/utc", "Etc/UTC");
        zones.put("gmt", "GMT");
        return Map.copyOf(zones);
    }

    /** The known zone nearest to a misspelling (same city, or at most two edits away). */
    static Optional<String> closestZone(String typed) {
        String t = typed.toLowerCase(Locale.ROOT);
        if (t.length() > 40) {
            return Optional.empty();
        }
        String city = t.substring(t.lastIndexOf('/') + 1);
        String best = null;
        int bestDistance = 3;
        for (Map.Entry<String, String> e : ZONES.entrySet()) {
            String k = e.getKey();
            if (!city.isEmpty() && k.endsWith("/" + city)) {
                return Optional.of(e.getValue());
            }
            int d = distance(t, k, bestDistance);
            if (d < bestDistance) {
                bestDistance = d;
                best = e.getValue();
            }
        }
        return Optional.ofNullable(best);
    }

    /** Levenshtein distance, giving up (returning {@code limit}) once it must reach the limit. */
    private static int distance(String a, String b, int limit) {
        if (Math.abs(a.length() - b.length()) >= limit) {
            return limit;
        }
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            int rowMin = cur[0];
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
                rowMin = Math.min(rowMin, cur[j]);
            }
            if (rowMin >= limit) {
                return limit;
            }
            int[] swap = prev;
            prev = cur;
            cur = swap;
        }
        return Math.min(prev[b.length()], limit);
    }

    private static String quote(String userText) {
        return "\u201C" + Mrkdwn.escape(userText, ECHO_CHARS) + "\u201D";
    }

    /** The known region ids (for tests). */
    static Set<String> knownZones() {
        return Set.copyOf(ZONES.values());
    }
}
