package dev.paperbot.bot.bench;

import dev.paperbot.core.paper.Paper;
import dev.paperbot.core.paper.PaperId;
import dev.paperbot.index.bench.Zipf;
import dev.paperbot.index.source.SeedCorpus;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Papers for benchmarks, with realistic text: titles and abstracts are walks of a word-bigram model learned from the
 * embedded corpus (227 real abstracts), so words, their frequencies and their neighbours are those of real papers.
 * Each paper is about one or two research areas from {@link TopicPool} (Zipf-distributed, so popular areas have many
 * papers), whose phrase appears in its title or abstract, and has 1-8 authors from a pool of 4,800 names, a few of
 * them prolific. Same seed, same papers.
 */
final class SyntheticPapers {

    private static final String[] FIRST = {
        "Wei", "Maria", "John", "Anna", "Li", "David", "Yuki", "Olga", "Ahmed", "Sofia", "Juan", "Chen", "Priya",
        "Lukas", "Fran\u00E7ois", "Jos\u00E9", "Ming", "Sara", "Omar", "Elena", "Hiroshi", "Fatima", "Pedro", "Ines",
        "Tom\u00E1s", "Ingrid", "Kwame", "Aisha", "Raj", "Mei", "Noah", "Emma", "Liam", "Chloe", "Arjun", "Zhen",
        "Yara", "Mateo", "Lea", "Ivan", "Nadia", "Kenji", "Rosa", "Samuel", "Hana", "Victor", "Alice", "Bruno",
        "Clara", "Diego", "Eva", "Felix", "Greta", "Hugo", "Iris", "Jonas", "Karin", "Leon", "Mira", "Nils"};
    private static final String[] LAST = {
        "Wang", "Smith", "Garc\u00EDa", "M\u00FCller", "Zhang", "Kim", "Nguyen", "Rossi", "Ivanov", "Tanaka",
        "Patel", "Cohen", "Silva", "Novak", "Kowalski", "Hansen", "Liu", "Brown", "Dubois", "Yilmaz", "Chen",
        "Li", "Singh", "Kumar", "Sato", "Suzuki", "Park", "Lee", "Choi", "Martin", "Bernard", "Schmidt", "Schneider",
        "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Hoffmann", "Romero", "Torres", "Ramos", "Costa",
        "Pereira", "Santos", "Okafor", "Mensah", "Haddad", "Nakamura", "Kobayashi", "Yamamoto", "Watanabe",
        "Andersson", "Johansson", "Nielsen", "Jensen", "Larsen", "Petrov", "Volkov", "Sokolov", "Horvat", "Kov\u00E1\u010D",
        "Dvo\u0159\u00E1k", "Popescu", "Georgiou", "Papadopoulos", "O'Brien", "Murphy", "Kelly", "Walsh", "Ng", "Tan",
        "Lim", "Wong", "Ho", "Chan", "Gupta", "Shah", "Rao", "Iyer"};

    private static final int AUTHORS = FIRST.length * LAST.length;

    private final SplittableRandom random;
    private final Zipf areas;
    private final Zipf authors;
    private final Map<String, String[]> next = new HashMap<>();
    private final String[] starts;

    SyntheticPapers(long seed) {
        this.random = new SplittableRandom(seed);
        this.areas = new Zipf(TopicPool.KEYWORDS.size(), 0.9);
        this.authors = new Zipf(AUTHORS, 1.0);
        Map<String, List<String>> followers = new HashMap<>();
        List<String> sentenceStarts = new ArrayList<>();
        for (Paper p : SeedCorpus.papers()) {
            String[] words = (p.title() + ". " + p.abstractText()).split("\\s+");
            sentenceStarts.add(words[0]);
            for (int i = 0; i + 1 < words.length; i++) {
                followers.computeIfAbsent(words[i], w -> new ArrayList<>()).add(words[i + 1]);
                if (words[i].endsWith(".")) {
                    sentenceStarts.add(words[i + 1]);
                }
            }
        }
        followers.forEach((w, f) -> next.put(w, f.toArray(String[]::new)));
        this.starts = sentenceStarts.toArray(String[]::new);
    }

    /** The name of the author of popularity rank {@code rank} (0 is the most prolific). */
    static String author(int rank) {
        // A fixed shuffle of first x last, so rank and name are unrelated but stable.
        int i = (int) ((rank * 2_654_435_761L) % AUTHORS);
        return FIRST[i % FIRST.length] + " " + LAST[i / FIRST.length];
    }

    /** The {@code n}-th paper (ids 2601.00001 onwards). */
    Paper paper(int n) {
        String area = TopicPool.KEYWORDS.get(areas.sample(random));
        String second = random.nextInt(3) == 0 ? TopicPool.KEYWORDS.get(areas.sample(random)) : null;
        String title = random.nextBoolean()
                ? capitalised(area) + ": " + walk(5 + random.nextInt(8), false)
                : walk(6 + random.nextInt(8), false);
        StringBuilder abs = new StringBuilder();
        int sentences = 5 + random.nextInt(6);
        int areaIn = random.nextInt(sentences);
        for (int s = 0; s < sentences; s++) {
            String sentence = walk(12 + random.nextInt(20), true);
            if (s == areaIn || (s == sentences - 1 && random.nextBoolean())) {
                sentence = "We study " + area + ". " + sentence;
            }
            if (second != null && s == sentences / 2) {
                sentence = sentence + " This also bears on " + second + ".";
            }
            abs.append(s == 0 ? "" : " ").append(sentence);
        }
        int authorCount = 1 + random.nextInt(random.nextInt(4) == 0 ? 8 : 4);
        List<String> names = new ArrayList<>(authorCount);
        for (int i = 0; i < authorCount; i++) {
            String name = author(authors.sample(random));
            if (!names.contains(name)) {
                names.add(name);
            }
        }
        int month = 1 + n / 30_000;
        PaperId id = new PaperId(String.format(Locale.ROOT, "26%02d.%05d", Math.min(month, 12), n % 30_000 + 1));
        return Paper.of(id, title, abs.toString()).withAuthors(names)
                .withDates(LocalDate.of(2026, Math.min(month, 12), 1 + n % 28), null).withSource("arxiv")
                .withCategories(List.of("cs.LG"));
    }

    /** A walk of the bigram model: {@code words} words, ending a sentence when {@code sentence}. */
    private String walk(int words, boolean sentence) {
        StringBuilder sb = new StringBuilder();
        String w = starts[random.nextInt(starts.length)];
        for (int i = 0; i < words; i++) {
            sb.append(i == 0 ? "" : " ").append(w);
            String[] f = next.get(w);
            w = f == null ? starts[random.nextInt(starts.length)] : f[random.nextInt(f.length)];
        }
        String text = sb.toString().replaceAll("[.,;:]+$", "");
        return sentence ? text + "." : text;
    }

    private static String capitalised(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
