package dev.paperbot.index.source.arxiv;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * arXiv's category taxonomy (<a href="https://arxiv.org/category_taxonomy">arxiv.org/category_taxonomy</a>): the
 * archives ({@code cs}, {@code math}, {@code hep-th}, ...), the OAI-PMH group each belongs to, and their categories
 * ({@code cs.LG}, {@code math.AG}, {@code cond-mat.str-el}), spelled as arXiv spells them. It checks what a user
 * names before any request is made: a category in another case is taken in arXiv's spelling ({@code cs.lg} is
 * {@code cs.LG}), and an unknown one is refused with the closest known category when there is an obvious one.
 * Archives merged into categories long ago ({@code cmp-lg}, {@code chao-dyn}, ...) are not accepted (no feed serves
 * them), but a refusal names the category that took each one over.
 */
public final class ArxivCategories {

    /** Where the whole list is; the refusal of an unknown name points there. */
    public static final String TAXONOMY_URL = "https://arxiv.org/category_taxonomy";

    private record Archive(String group, List<String> subjects) {
    }

    /** Archive name to its OAI group and subject classes (none for archives that are one category, like hep-th). */
    private static final Map<String, Archive> ARCHIVES = new LinkedHashMap<>();

    /** Lower case to arXiv's spelling, for every category and archive. */
    private static final Map<String, String> BY_LOWER_CASE = new LinkedHashMap<>();

    /** Archives of the 1990s and the categories that subsume them (old papers still list them). */
    private static final Map<String, String> SUBSUMED = Map.ofEntries(
            Map.entry("acc-phys", "physics.acc-ph"), Map.entry("adap-org", "nlin.AO"),
            Map.entry("alg-geom", "math.AG"), Map.entry("ao-sci", "physics.ao-ph"),
            Map.entry("atom-ph", "physics.atom-ph"), Map.entry("bayes-an", "physics.data-an"),
            Map.entry("chao-dyn", "nlin.CD"), Map.entry("chem-ph", "physics.chem-ph"),
            Map.entry("cmp-lg", "cs.CL"), Map.entry("comp-gas", "nlin.CG"), Map.entry("dg-ga", "math.DG"),
            Map.entry("funct-an", "math.FA"), Map.entry("mtrl-th", "cond-mat.mtrl-sci"),
            Map.entry("patt-sol", "nlin.PS"), Map.entry("plasm-ph", "physics.plasm-ph"),
            Map.entry("q-alg", "math.QA"), Map.entry("solv-int", "nlin.SI"),
            Map.entry("supr-con", "cond-mat.supr-con"));

    static {
        archive("cs", "cs", "AI AR CC CE CG CL CR CV CY DB DC DL DM DS ET FL GL GR GT HC IR IT LG LO MA MM MS NA NE NI"
                + " OH OS PF PL RO SC SD SE SI SY");
        archive("econ", "econ", "EM GN TH");
        archive("eess", "eess", "AS IV SP SY");
        archive("math", "math", "AC AG AP AT CA CO CT CV DG DS FA GM GN GR GT HO IT KT LO MG MP NA NT OA OC PR QA RA"
                + " RT SG SP ST");
        archive("astro-ph", "physics", "CO EP GA HE IM SR");
        archive("cond-mat", "physics", "dis-nn mes-hall mtrl-sci other quant-gas soft stat-mech str-el supr-con");
        archive("gr-qc", "physics", "");
        archive("hep-ex", "physics", "");
        archive("hep-lat", "physics", "");
        archive("hep-ph", "physics", "");
        archive("hep-th", "physics", "");
        archive("math-ph", "physics", "");
        archive("nlin", "physics", "AO CD CG PS SI");
        archive("nucl-ex", "physics", "");
        archive("nucl-th", "physics", "");
        archive("physics", "physics", "acc-ph ao-ph app-ph atm-clus atom-ph bio-ph chem-ph class-ph comp-ph data-an"
                + " ed-ph flu-dyn gen-ph geo-ph hist-ph ins-det med-ph optics plasm-ph pop-ph soc-ph space-ph");
        archive("quant-ph", "physics", "");
        archive("q-bio", "q-bio", "BM CB GN MN NC OT PE QM SC TO");
        archive("q-fin", "q-fin", "CP EC GN MF PM PR RM ST TR");
        archive("stat", "stat", "AP CO ME ML OT TH");
    }

    private static void archive(String name, String group, String subjects) {
        List<String> list = subjects.isEmpty() ? List.of() : List.of(subjects.split(" "));
        ARCHIVES.put(name, new Archive(group, list));
        BY_LOWER_CASE.put(name, name);
        for (String subject : list) {
            String category = name + "." + subject;
            BY_LOWER_CASE.put(category.toLowerCase(Locale.ROOT), category);
        }
    }

    private ArxivCategories() {
    }

    /**
     * A category ({@code cs.LG}) or a whole archive ({@code cs}, {@code hep-th}) in arXiv's spelling, whatever the
     * case it was given in; RSS feeds and OAI sets exist for both.
     *
     * @throws IllegalArgumentException for anything else, with one line that names the value and, when there is an
     *                                  obvious one, the category meant
     */
    public static String categoryOrArchive(String text) {
        String known = BY_LOWER_CASE.get(text.strip().toLowerCase(Locale.ROOT));
        if (known == null) {
            throw new IllegalArgumentException(refusal(text.strip()));
        }
        return known;
    }

    /**
     * An archive's name in arXiv's spelling ({@code CS -> cs}).
     *
     * @throws IllegalArgumentException for anything else, with the archive meant or the list of archives
     */
    public static String archive(String text) {
        String lower = text.strip().toLowerCase(Locale.ROOT);
        if (ARCHIVES.containsKey(lower)) {
            return lower;
        }
        String quoted = "'" + text.strip() + "' is not an arXiv archive";
        Optional<String> meant = closest(text.strip()).filter(ARCHIVES::containsKey);
        throw new IllegalArgumentException(meant.map(m -> quoted + ": did you mean " + m + "?")
                .orElse(quoted + " (" + String.join(", ", ARCHIVES.keySet()) + ")"));
    }

    /** True for a category or an archive, in any case. */
    public static boolean isKnown(String text) {
        return BY_LOWER_CASE.containsKey(text.strip().toLowerCase(Locale.ROOT));
    }

    /** The OAI-PMH group of a known archive or category: {@code cs.LG -> cs}, {@code hep-th -> physics}. */
    public static String group(String categoryOrArchive) {
        String known = categoryOrArchive(categoryOrArchive);
        int dot = known.indexOf('.');
        return ARCHIVES.get(dot < 0 ? known : known.substring(0, dot)).group();
    }

    /** True when {@code text} names an OAI group ({@code cs}, {@code physics}, {@code q-bio}, ...), in any case. */
    public static boolean isGroup(String text) {
        String lower = text.strip().toLowerCase(Locale.ROOT);
        return ARCHIVES.values().stream().anyMatch(a -> a.group().equals(lower));
    }

    /** Every category, in the taxonomy's order (archives with no subject classes, like hep-th, count as one). */
    public static List<String> all() {
        List<String> all = new ArrayList<>();
        ARCHIVES.forEach((name, archive) -> {
            if (archive.subjects().isEmpty()) {
                all.add(name);
            }
            archive.subjects().forEach(s -> all.add(name + "." + s));
        });
        return all;
    }

    private static String refusal(String text) {
        String quoted = "'" + text + "' is not an arXiv category";
        Optional<String> meant = closest(text);
        if (meant.isPresent()) {
            return quoted + ": did you mean " + meant.get() + "?";
        }
        int dot = text.indexOf('.');
        Archive archive = dot < 0 ? null : ARCHIVES.get(text.substring(0, dot).toLowerCase(Locale.ROOT));
        if (archive != null && !archive.subjects().isEmpty()) {
            String name = text.substring(0, dot).toLowerCase(Locale.ROOT);
            return quoted + " (" + name + " has " + String.join(", ", archive.subjects()) + ")";
        }
        return quoted + " (such as cs.LG, math.AG or hep-th; the list: " + TAXONOMY_URL + ")";
    }

    /**
     * The category or archive obviously meant, if there is exactly one: the one that subsumed a retired archive
     * ({@code chao-dyn -> nlin.CD}), the same letters with other separators
     * ({@code cs_LG}, {@code hepth}), the same subject class under the one archive that has it ({@code cs.ML ->
     * stat.ML}), or one typo away (a letter added, dropped, changed, or two swapped).
     */
    static Optional<String> closest(String text) {
        String subsumed = SUBSUMED.get(text.toLowerCase(Locale.ROOT));
        if (subsumed != null) {
            return Optional.of(subsumed);
        }
        String folded = folded(text);
        Optional<String> same = only(BY_LOWER_CASE.values().stream().filter(k -> folded(k).equals(folded)).toList());
        if (same.isPresent() || folded.isEmpty()) {
            return same;
        }
        int dot = text.indexOf('.');
        if (dot > 0 && dot < text.length() - 1) {
            String subject = text.substring(dot + 1);
            Optional<String> elsewhere = only(BY_LOWER_CASE.values().stream()
                    .filter(k -> k.indexOf('.') > 0 && k.substring(k.indexOf('.') + 1).equalsIgnoreCase(subject))
                    .toList());
            if (elsewhere.isPresent()) {
                return elsewhere;
            }
        }
        String lower = text.toLowerCase(Locale.ROOT);
        return only(BY_LOWER_CASE.entrySet().stream()
                .filter(e -> typos(lower, e.getKey()) == 1).map(Map.Entry::getValue).toList());
    }

    private static Optional<String> only(List<String> candidates) {
        return candidates.size() == 1 ? Optional.of(candidates.getFirst()) : Optional.empty();
    }

    /** Lower-case letters and digits only: {@code cs_LG}, {@code CS-lg} and {@code cs.LG} fold alike. */
    private static String folded(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }

    /** Edits between two strings, an adjacent swap counting as one (optimal string alignment distance). */
    static int typos(String a, String b) {
        if (Math.abs(a.length() - b.length()) > 1) {
            return 2; // more than one: all that matters here
        }
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
