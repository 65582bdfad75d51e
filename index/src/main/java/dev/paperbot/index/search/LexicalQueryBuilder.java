package dev.paperbot.index.search;

import dev.paperbot.index.document.PaperDocuments;
import dev.paperbot.index.document.PaperFields;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionLengthAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.MultiPhraseQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * Builds the BM25 query for a {@link UserQuery}: a disjunction of the analysed terms of every word (weighted by how
 * often they occur, like a bag of words), optionally joined forms of adjacent words, and required phrases. Only
 * term and phrase queries come out: no wildcard, fuzzy, regex or range query can be built from user text.
 */
final class LexicalQueryBuilder {

    /** Enough for 32 words that split at hyphens; well under Lucene's clause limit even with the title field. */
    static final int MAX_TERMS = 96;

    /**
     * Weight of each part of a split word: two parts then weigh about as much as the joined form, so
     * {@code pre-training} and {@code pretraining} find the same papers in about the same order.
     */
    static final float PARTS_WEIGHT = 0.5f;

    /** Terms of all phrases together; a phrase beyond it counts as plain words. */
    static final int MAX_PHRASE_TERMS = 64;

    private final Analyzer analyzer;
    private final IndexSettings settings;

    LexicalQueryBuilder(Analyzer analyzer, IndexSettings settings) {
        this.analyzer = analyzer;
        this.settings = settings;
    }

    /** The query, or empty when nothing in the text is searchable (only stop words, symbols, ...). */
    Optional<LexicalQuery> build(UserQuery userQuery) {
        Map<String, Integer> termCounts = new LinkedHashMap<>();
        List<SplitWord> splitWords = new ArrayList<>();
        List<LexicalQuery.Word> words = new ArrayList<>();
        List<Set<String>> wordTerms = new ArrayList<>();
        for (String word : userQuery.words()) {
            SplitWord split = SplitWord.of(word, tokens(word));
            Set<String> terms = new LinkedHashSet<>(split.all());
            wordTerms.add(terms);
            if (terms.isEmpty()) {
                continue;
            }
            words.add(new LexicalQuery.Word(word, terms));
            if (split.isSplit()) {
                splitWords.add(split);
            } else {
                split.all().forEach(term -> termCounts.merge(term, 1, Integer::sum));
            }
        }
        Map<String, Float> joined = settings.joinWeight() > 0
                ? joinedWords(userQuery.words(), wordTerms, termCounts.keySet()) : Map.of();

        BooleanQuery.Builder query = new BooleanQuery.Builder();
        int clauses = 0;
        int phraseTerms = 0;
        for (String phrase : userQuery.phrases()) {
            List<List<String>> positions = positions(phrase);
            int size = positions.stream().mapToInt(List::size).sum();
            // A phrase beyond the budget is still searched, as words.
            Query phraseQuery = phraseTerms + size > MAX_PHRASE_TERMS ? null : phrase(positions);
            if (phraseQuery != null) {
                phraseTerms += size;
                query.add(phraseQuery, Occur.MUST);
                clauses++;
            }
            List<String> all = analyzeAll(phrase);
            if (!all.isEmpty()) {
                words.add(new LexicalQuery.Word(phrase, new LinkedHashSet<>(all)));
                all.forEach(term -> termCounts.merge(term, 1, Integer::sum));
            }
        }
        int added = 0;
        for (SplitWord split : splitWords) {
            if ((added += split.size()) > MAX_TERMS) {
                break;
            }
            query.add(split.query(this), Occur.SHOULD);
            clauses++;
        }
        for (Map.Entry<String, Integer> e : termCounts.entrySet()) {
            if (added++ >= MAX_TERMS) {
                break;
            }
            termClauses(query, e.getKey(), e.getValue());
            clauses++;
        }
        for (Map.Entry<String, Float> e : joined.entrySet()) {
            query.add(weighted(new TermQuery(new Term(PaperFields.TEXT, e.getKey())), e.getValue()), Occur.SHOULD);
        }
        return clauses == 0 ? Optional.empty() : Optional.of(new LexicalQuery(query.build(), words, null));
    }

    /** Adds the clauses of one term: in title and abstract, plus the title boost. */
    private void termClauses(BooleanQuery.Builder query, String term, float weight) {
        query.add(weighted(new TermQuery(new Term(PaperFields.TEXT, term)), weight), Occur.SHOULD);
        if (settings.titleBoost() > 0) {
            query.add(weighted(new TermQuery(new Term(PaperFields.TITLE, term)), weight * settings.titleBoost()),
                    Occur.SHOULD);
        }
    }

    /**
     * A word that analysis split at hyphens or punctuation ({@code pre-training}: parts {@code pre},
     * {@code train}, joined {@code pretrain}). Its parts and its joined form are two spellings of one word, so they
     * are alternatives (the better one counts, parts at {@link #PARTS_WEIGHT}) rather than three words: a paper
     * that writes {@code pretraining} then ranks like one that writes {@code pre-training}.
     */
    private record SplitWord(List<String> joined, List<String> parts) {

        static SplitWord of(String word, List<Token> tokens) {
            List<String> joined = tokens.stream().filter(t -> t.length() > 1).map(Token::term).toList();
            List<String> parts = tokens.stream().filter(t -> t.length() == 1).map(Token::term).toList();
            return new SplitWord(joined, parts);
        }

        boolean isSplit() {
            return !joined.isEmpty() && parts.size() > 1;
        }

        List<String> all() {
            List<String> all = new ArrayList<>(joined);
            all.addAll(parts);
            return all;
        }

        int size() {
            return joined.size() + parts.size();
        }

        Query query(LexicalQueryBuilder builder) {
            List<Query> spellings = new ArrayList<>();
            for (String term : joined) {
                BooleanQuery.Builder one = new BooleanQuery.Builder();
                builder.termClauses(one, term, 1);
                spellings.add(one.build());
            }
            BooleanQuery.Builder split = new BooleanQuery.Builder();
            parts.forEach(term -> builder.termClauses(split, term, 1));
            spellings.add(new BoostQuery(split.build(), PARTS_WEIGHT));
            return new DisjunctionMaxQuery(spellings, 0f);
        }
    }

    private record Token(String term, int length) {
    }

    /** The terms of a text with their position lengths (more than 1 for a joined form spanning parts). */
    private List<Token> tokens(String text) {
        List<Token> tokens = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream(PaperFields.TEXT, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            PositionLengthAttribute length = stream.addAttribute(PositionLengthAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                tokens.add(new Token(term.toString(), length.getPositionLength()));
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException("analysing in memory cannot fail", e);
        }
        return tokens;
    }

    /**
     * The query for papers by one author: the whole text is one name, compared exactly but for case, accents and
     * spacing ({@link PaperDocuments#authorKey}). All matches score alike.
     */
    Optional<LexicalQuery> buildAuthor(String text) {
        String name = text.strip().replaceAll("\\s+", " ");
        if (name.isEmpty() || name.length() > PaperDocuments.MAX_EXACT_LENGTH) {
            return Optional.empty();
        }
        Query byName = new ConstantScoreQuery(new TermQuery(new Term(PaperFields.AUTHOR_KEY,
                PaperDocuments.authorKey(name))));
        return Optional.of(new LexicalQuery(byName, List.of(), name));
    }

    /**
     * Adds the joined form of two adjacent plain words when it analyses to a new single term, so that
     * {@code pre training} also finds {@code pretraining}. A joined form that no paper uses matches nothing.
     */
    private Map<String, Float> joinedWords(List<String> typed, List<Set<String>> wordTerms, Set<String> known) {
        Map<String, Float> joined = new LinkedHashMap<>();
        for (int i = 0; i + 1 < typed.size(); i++) {
            String left = typed.get(i);
            String right = typed.get(i + 1);
            if (wordTerms.get(i).isEmpty() || wordTerms.get(i + 1).isEmpty()
                    || !isLetters(left) || !isLetters(right)) {
                continue;
            }
            Set<String> terms = analyze(left + right);
            String term = terms.size() == 1 ? terms.iterator().next() : null;
            if (term != null && !known.contains(term)) {
                joined.put(term, settings.joinWeight());
            }
        }
        return joined;
    }

    /**
     * A phrase from its analysed positions: a plain phrase, or a multi-phrase where a word's split and joined
     * forms share a position ({@code pre-training}). Built by hand from the flat token stream, so that no token
     * graph is ever expanded into paths.
     */
    private static Query phrase(List<List<String>> positions) {
        if (positions.isEmpty()) {
            return null;
        }
        if (positions.size() == 1 && positions.getFirst().size() == 1) {
            return new TermQuery(new Term(PaperFields.TEXT, positions.getFirst().getFirst()));
        }
        if (positions.stream().allMatch(p -> p.size() == 1)) {
            PhraseQuery.Builder phrase = new PhraseQuery.Builder();
            positions.forEach(p -> phrase.add(new Term(PaperFields.TEXT, p.getFirst())));
            return phrase.build();
        }
        MultiPhraseQuery.Builder phrase = new MultiPhraseQuery.Builder();
        positions.forEach(p -> phrase.add(p.stream().map(t -> new Term(PaperFields.TEXT, t)).toArray(Term[]::new)));
        return phrase.build();
    }

    /** The terms of a text by position (terms that share a position are listed together). */
    private List<List<String>> positions(String text) {
        List<List<String>> positions = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream(PaperFields.TEXT, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute increment = stream.addAttribute(PositionIncrementAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                if (increment.getPositionIncrement() > 0 || positions.isEmpty()) {
                    positions.add(new ArrayList<>(2));
                }
                positions.getLast().add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException("analysing in memory cannot fail", e);
        }
        return positions;
    }

    private static boolean isLetters(String word) {
        return !word.isEmpty() && word.codePoints().allMatch(Character::isLetter);
    }

    private static Query weighted(Query query, float weight) {
        return weight == 1f ? query : new BoostQuery(query, weight);
    }

    /** The distinct terms a piece of text analyses to. */
    Set<String> analyze(String text) {
        return new LinkedHashSet<>(analyzeAll(text));
    }

    /** Every term a piece of text analyses to, repeats included. */
    List<String> analyzeAll(String text) {
        List<String> terms = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream(PaperFields.TEXT, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                terms.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException("analysing in memory cannot fail", e);
        }
        return terms;
    }
}
