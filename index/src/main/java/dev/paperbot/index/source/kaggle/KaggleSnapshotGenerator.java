package dev.paperbot.index.source.kaggle;

import dev.paperbot.index.bench.Zipf;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Writes a synthetic file in the Kaggle arXiv snapshot format, for benchmarks. Field sizes follow the real snapshot
 * (titles of 5-20 words, abstracts of 60-300 words wrapped at 80 columns, 1-12 authors, 1-4 categories, 1-4
 * versions, the optional fields present), words are drawn from a Zipf-distributed vocabulary so the index sees a
 * realistic term distribution, and about one abstract in five carries inline LaTeX. Same seed, same file.
 */
public final class KaggleSnapshotGenerator {

    private static final String[] FUNCTION_WORDS = {
        "the", "of", "and", "a", "to", "in", "we", "is", "for", "that", "on", "with", "this", "by", "as", "are",
        "an", "which", "be", "our", "from", "can", "these", "it", "at", "or", "show", "results", "model", "method",
        "paper", "propose", "data", "based", "using", "learning", "problem", "approach", "new", "two", "also",
        "networks", "performance", "time", "such", "has", "between", "than", "not", "its"};
    private static final String[] SYLLABLES = {
        "ac", "al", "an", "ar", "ba", "be", "bi", "bo", "ca", "ce", "ci", "co", "da", "de", "di", "do", "en", "er",
        "es", "fa", "fi", "fo", "ga", "ge", "gi", "go", "ha", "he", "hi", "ho", "in", "is", "ka", "ke", "la", "le",
        "li", "lo", "ma", "me", "mi", "mo", "na", "ne", "ni", "no", "or", "pa", "pe", "pi", "po", "ra", "re", "ri",
        "ro", "sa", "se", "si", "so", "ta", "te", "ti", "to", "tu", "va", "ve", "vi", "za", "tion", "ment", "ic"};
    private static final String[] CATEGORIES = {
        "cs.LG", "cs.CL", "cs.CV", "cs.AI", "stat.ML", "cs.RO", "cs.IR", "cs.NE", "cs.CR", "cs.DS", "math.OC",
        "math.PR", "math.ST", "quant-ph", "hep-th", "hep-ph", "astro-ph.GA", "astro-ph.CO", "cond-mat.str-el",
        "cond-mat.mes-hall", "physics.optics", "eess.SP", "eess.IV", "q-bio.NC", "econ.EM", "math.AG", "gr-qc"};
    private static final String[] LATEX = {
        "$\\sigma$", "$O(n^2)$", "$\\alpha$-divergence", "$\\mathbb{R}^d$", "\\emph{provably}", "$k$-means",
        "$\\ell_1$", "Schr\\\"odinger", "$\\epsilon$-greedy", "$10^{-3}$"};
    private static final String[] FIRST = {
        "Wei", "Maria", "John", "Anna", "Li", "David", "Yuki", "Olga", "Ahmed", "Sofia", "Juan", "Chen", "Priya",
        "Lukas", "Fran\\c{c}ois", "Jos\\'e", "Ming", "Sara", "Omar", "Elena"};
    private static final String[] LAST = {
        "Wang", "Smith", "Garc\\'ia", "M\\\"uller", "Zhang", "Kim", "Nguyen", "Rossi", "Ivanov", "Tanaka", "Patel",
        "Cohen", "Silva", "Novak", "Kowalski", "Hansen", "Liu", "Brown", "Dubois", "Yilmaz"};
    private static final DateTimeFormatter RFC_1123 =
            DateTimeFormatter.ofPattern("EEE, d MMM yyyy HH:mm:ss 'GMT'", Locale.ROOT);

    private final SplittableRandom random;
    private final String[] vocabulary;
    /** Word ranks with s = 1.05, the shape of word frequencies in abstracts. */
    private final Zipf ranks;

    public KaggleSnapshotGenerator(long seed) {
        this.random = new SplittableRandom(seed);
        int size = 30_000;
        this.vocabulary = new String[size];
        SplittableRandom words = new SplittableRandom(seed ^ 0x5DEECE66DL);
        for (int i = 0; i < size; i++) {
            vocabulary[i] = i < FUNCTION_WORDS.length ? FUNCTION_WORDS[i] : pseudoWord(words);
        }
        this.ranks = new Zipf(size, 1.05);
    }

    /** Writes {@code lines} records to {@code file}, replacing it. */
    public void write(long lines, Path file) throws IOException {
        if (lines < 0) {
            throw new IllegalArgumentException("the number of lines must not be negative, was " + lines);
        }
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (Writer out = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 20)) {
            StringBuilder line = new StringBuilder(4096);
            for (long n = 0; n < lines; n++) {
                line.setLength(0);
                record(n, line);
                out.write(line.append('\n').toString());
            }
        }
    }

    private void record(long n, StringBuilder sb) {
        // Ids follow arXiv's scheme: yymm.nnnnn, one month per 20,000 papers from 2015 on; unique per line.
        int month = (int) (n / 20_000);
        int year = 15 + month / 12;
        String id = String.format(Locale.ROOT, "%02d%02d.%05d", year % 100, month % 12 + 1, n % 20_000 + 1);
        LocalDate created = LocalDate.of(2000 + year, month % 12 + 1, 1 + (int) (n % 28));
        sb.append("{\"id\":\"").append(id).append("\",\"submitter\":\"").append(name()).append("\",\"authors\":\"");
        int authorCount = authorCount();
        String[][] authors = new String[authorCount][];
        for (int i = 0; i < authorCount; i++) {
            authors[i] = new String[] {LAST[random.nextInt(LAST.length)], FIRST[random.nextInt(FIRST.length)]};
            sb.append(i == 0 ? "" : i == authorCount - 1 ? " and " : ", ")
                    .append(json(authors[i][1])).append(' ').append(json(authors[i][0]));
        }
        sb.append("\",\"title\":\"");
        words(sb, 5 + random.nextInt(16), 70, true);
        sb.append("\",\"comments\":\"").append(5 + random.nextInt(40)).append(" pages, ")
                .append(random.nextInt(12)).append(" figures\",\"journal-ref\":null,\"doi\":null,\"report-no\":null,")
                .append("\"categories\":\"");
        int categoryCount = 1 + (random.nextInt(10) < 5 ? 0 : random.nextInt(4));
        for (int i = 0; i < categoryCount; i++) {
            sb.append(i == 0 ? "" : " ").append(CATEGORIES[random.nextInt(CATEGORIES.length)]);
        }
        sb.append("\",\"license\":\"http://arxiv.org/licenses/nonexclusive-distrib/1.0/\",\"abstract\":\"  ");
        words(sb, 60 + random.nextInt(120) + random.nextInt(120), 80, false);
        sb.append("\\n\",\"versions\":[");
        int versions = 1 + (random.nextInt(10) < 6 ? 0 : random.nextInt(4));
        for (int v = 0; v < versions; v++) {
            sb.append(v == 0 ? "" : ",").append("{\"version\":\"v").append(v + 1).append("\",\"created\":\"")
                    .append(RFC_1123.format(created.plusDays(30L * v).atTime(10 + v, 17, 42).atOffset(ZoneOffset.UTC)))
                    .append("\"}");
        }
        sb.append("],\"update_date\":\"").append(created.plusDays(30L * (versions - 1))).append("\",\"authors_parsed\":[");
        for (int i = 0; i < authorCount; i++) {
            sb.append(i == 0 ? "" : ",").append("[\"").append(json(authors[i][0])).append("\",\"")
                    .append(json(authors[i][1])).append("\",\"\"]");
        }
        sb.append("]}");
    }

    private int authorCount() {
        int r = random.nextInt(100);
        return r < 15 ? 1 : r < 40 ? 2 : r < 60 ? 3 : r < 75 ? 4 : r < 95 ? 5 + random.nextInt(4) : 9 + random.nextInt(4);
    }

    private String name() {
        return json(FIRST[random.nextInt(FIRST.length)]) + " " + json(LAST[random.nextInt(LAST.length)]);
    }

    /** Appends words, with a JSON-escaped newline every {@code wrap} columns as arXiv abstracts have. */
    private void words(StringBuilder sb, int count, int wrap, boolean title) {
        int column = 0;
        boolean latex = random.nextInt(5) == 0;
        int latexAt = latex ? random.nextInt(count) : -1;
        for (int i = 0; i < count; i++) {
            String word = i == latexAt ? json(LATEX[random.nextInt(LATEX.length)]) : vocabulary[ranks.sample(random)];
            if (i > 0) {
                if (column + word.length() + 1 > wrap) {
                    sb.append(title ? "\\n  " : "\\n");
                    column = 0;
                } else {
                    sb.append(' ');
                    column++;
                }
            }
            if (title && i == 0) {
                sb.append(Character.toUpperCase(word.charAt(0))).append(word, 1, word.length());
            } else {
                sb.append(word);
            }
            column += word.length();
        }
        if (!title) {
            sb.append('.');
        }
    }

    private static String pseudoWord(SplittableRandom r) {
        int parts = 2 + r.nextInt(3);
        StringBuilder w = new StringBuilder();
        for (int i = 0; i < parts; i++) {
            w.append(SYLLABLES[r.nextInt(SYLLABLES.length)]);
        }
        return w.toString();
    }

    private static String json(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
