package dev.paperbot.bot.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.paperbot.bot.config.ConfigException;
import dev.paperbot.bot.config.SearchConfig;
import dev.paperbot.bot.index.Embeddings;
import dev.paperbot.core.search.SearchHit;
import dev.paperbot.core.search.SearchQuery;
import dev.paperbot.core.search.SearchResults;
import dev.paperbot.index.search.LuceneIndex;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code paperbot search}: searches the local index from the command line. */
@Command(name = "search", mixinStandardHelpOptions = true,
        description = "Searches the paper index (the embedded corpus when nothing else was imported).")
public final class SearchCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @ParentCommand
    private Cli.Context context;

    @Spec
    private CommandSpec spec;

    @Option(names = "--json", description = "Print a JSON array of hits.")
    private boolean json;

    @Option(names = {"-n", "--limit"}, paramLabel = "N", defaultValue = "10",
            description = "How many papers to show, 1 to " + SearchQuery.MAX_LIMIT + " (default: ${DEFAULT-VALUE}).")
    private int limit;

    @Option(names = "--mode", paramLabel = "MODE", defaultValue = "auto",
            description = "auto (words and meaning once every paper has its vector, else words; the default), "
                    + "bm25 (words only) or hybrid (words and meaning, with the vectors there are).")
    private SearchQuery.Mode mode;

    @Parameters(arity = "1..*", paramLabel = "QUERY", description = "Words to look for; \"quotes\" for a phrase.")
    private List<String> words;

    @Override
    public Integer call() throws Exception {
        if (limit < 1 || limit > SearchQuery.MAX_LIMIT) {
            throw new Cli.UserError("--limit must be between 1 and " + SearchQuery.MAX_LIMIT + ", was " + limit);
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        SearchResults results;
        SearchConfig config = searchConfig(context);
        // The query may be embedded: on Ctrl-C or SIGTERM the search in flight ends before the JVM does.
        try (StopSignals.Foreground stop = StopSignals.foreground();
                LuceneIndex index = Indexes.forSearch(context.indexDirectory(),
                        Embeddings.forCommand(config, context.home()))) {
            results = index.search(SearchQuery.of(String.join(" ", words), limit).withMode(mode));
            stop.check();
            if (mode == SearchQuery.Mode.AUTO && config.hybrid()) {
                index.embedding().filter(p -> !p.complete()).ifPresent(p -> err.println("Searching by words only: "
                        + p.pending() + " of " + p.papers() + " papers wait for their vectors (the bot embeds them"
                        + " while it runs; or run 'paperbot embed')."));
            }
        }
        results.notice().ifPresent(err::println);
        err.flush();
        if (json) {
            out.println(JSON.writeValueAsString(results.hits().stream().map(SearchCommand::toJson).toList()));
        } else {
            printHuman(out, results);
        }
        out.flush();
        // A query with nothing searchable is a user error; a query that found nothing is not.
        return results.isEmpty() && results.notice().isPresent() ? 1 : 0;
    }

    /** {@code PAPERBOT_EMBEDDINGS} and {@code PAPERBOT_SEARCH_MODE}, validated like the bot's. */
    static SearchConfig searchConfig(Cli.Context context) {
        try {
            return SearchConfig.fromEnvironment(context.environment());
        } catch (ConfigException e) {
            throw new Cli.UserError(e.getMessage());
        }
    }

    private static Map<String, Object> toJson(SearchHit hit) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("id", hit.paper().id().value());
        o.put("title", hit.paper().title());
        o.put("score", hit.score());
        o.put("url", hit.paper().url());
        o.put("snippet", hit.snippet().text());
        o.put("highlights", hit.snippet().fragments().stream()
                .map(f -> Map.of("text", f.text(), "highlighted", f.highlighted())).toList());
        o.put("matchedTerms", hit.matchedTerms());
        o.put("semantic", hit.semantic());
        o.put("authors", hit.paper().authors());
        o.put("published", hit.paper().published() == null ? null : hit.paper().published().toString());
        o.put("source", hit.paper().source());
        return o;
    }

    private static void printHuman(PrintWriter out, SearchResults results) {
        if (results.isEmpty()) {
            if (results.notice().isEmpty()) {
                out.println("No papers match.");
            }
            return;
        }
        int rank = 1;
        for (SearchHit hit : results.hits()) {
            out.printf("%2d. %s  [%.3f]%n", rank++, hit.paper().title(), hit.score());
            out.println("    " + hit.paper().url() + (hit.matchedTerms().isEmpty() && hit.semantic()
                    ? "  (similar in meaning)" : ""));
            if (!hit.snippet().isEmpty()) {
                out.println("    " + hit.snippet().render(s -> s, s -> "**" + s + "**"));
            }
        }
    }
}
