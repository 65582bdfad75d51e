package dev.paperbot.bot.cli;

import dev.paperbot.bot.config.IngestSchedule;
import dev.paperbot.index.search.LuceneIndex;
import dev.paperbot.index.source.arxiv.ArxivApi;
import dev.paperbot.index.source.arxiv.ArxivOai;
import dev.paperbot.index.source.arxiv.ArxivRss;
import dev.paperbot.index.source.http.HttpSettings;
import dev.paperbot.index.source.http.PoliteHttpClient;
import dev.paperbot.index.source.huggingface.HuggingFaceDailyPapers;
import dev.paperbot.index.source.ingest.HighWaterMarks;
import dev.paperbot.index.source.ingest.IngestSummary;
import dev.paperbot.index.source.ingest.PaperUpdater;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code paperbot ingest rss|oai|api|hf}: fetches papers from a source into the local index and prints what was
 * added, updated, unchanged and skipped (and why). Running it again adds nothing new.
 */
@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = "Fetches papers from arXiv (RSS, OAI-PMH, API) or Hugging Face daily papers into the index.",
        subcommands = {IngestCommand.Rss.class, IngestCommand.Oai.class, IngestCommand.Api.class,
                IngestCommand.Hf.class})
public final class IngestCommand implements Runnable {

    @ParentCommand
    private Cli.Context context;

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Runs one ingestion with the index opened for writing, prints its summary, fails when a part failed. */
    abstract static class Source implements Callable<Integer> {

        @ParentCommand
        IngestCommand parent;

        @Spec
        CommandSpec spec;

        @Option(names = "--base-url", paramLabel = "URL", description = "The source's base URL (default: the public"
                + " service); tests and mirrors point it elsewhere.")
        String baseUrl;

        @Option(names = "--delay", paramLabel = "SECONDS", description = "Seconds between two requests (default:"
                + " what the service asks for).")
        Double delay;

        abstract IngestSummary ingest(LuceneIndex index, PoliteHttpClient http) throws InterruptedException;

        /**
         * Checks the source's options (and puts them in the source's spelling) before the index is opened or any
         * request is made: a mistyped category is one line at once, not five failed requests later.
         */
        void check() {
        }

        HttpSettings settings() {
            return HttpSettings.arxiv();
        }

        @Override
        public Integer call() throws Exception {
            try {
                check();
            } catch (IllegalArgumentException e) {
                throw new Cli.UserError(e.getMessage());
            }
            HttpSettings settings = settings();
            if (delay != null) {
                if (delay < 0 || delay > 600) {
                    throw new Cli.UserError("--delay must be between 0 and 600 seconds, was " + delay);
                }
                settings = settings.withMinInterval(Duration.ofMillis(Math.round(delay * 1000)));
            }
            IngestSummary summary;
            try (LuceneIndex index = Indexes.forWriting(parent.context.indexDirectory())) {
                summary = ingest(index, new PoliteHttpClient(settings));
            } catch (IllegalArgumentException e) {
                throw new Cli.UserError(e.getMessage());
            }
            PrintWriter out = spec.commandLine().getOut();
            out.print(summary.render());
            out.flush();
            if (summary.failed()) {
                throw new Cli.UserError("ingest " + spec.name() + ": " + summary.failures().size()
                        + " part(s) failed (see above); what was fetched is in the index");
            }
            return 0;
        }
    }

    @Command(name = "rss", mixinStandardHelpOptions = true,
            description = "Today's announcements from arXiv's RSS feeds: new papers and cross-lists are added,"
                    + " replacements update papers already in the index. Feeds are empty on weekends.")
    static final class Rss extends Source {
        @Option(names = "--category", split = ",", paramLabel = "CAT",
                description = "arXiv categories or archives such as math (default: cs.LG,cs.CL,cs.AI,cs.CV,stat.ML).")
        List<String> categories = IngestSchedule.DEFAULT_CATEGORIES;

        @Override
        void check() {
            categories = ArxivRss.validCategories(categories);
        }

        @Override
        IngestSummary ingest(LuceneIndex index, PoliteHttpClient http) throws InterruptedException {
            return new ArxivRss(http, baseUrl).ingest(categories, new PaperUpdater(index));
        }
    }

    @Command(name = "oai", mixinStandardHelpOptions = true,
            description = "Harvests arXiv's OAI-PMH endpoint, incrementally: each set continues from where its last"
                    + " complete harvest stopped (the first one looks back 7 days unless --from is given).")
    static final class Oai extends Source {
        @Option(names = "--category", split = ",", paramLabel = "CAT",
                description = "Categories (cs.LG) or OAI sets (cs:cs:LG) (default: cs.LG,cs.CL,cs.AI,cs.CV,stat.ML).")
        List<String> categories = IngestSchedule.DEFAULT_CATEGORIES;

        @Option(names = "--from", paramLabel = "YYYY-MM-DD", description = "Start here instead of at the mark.")
        LocalDate from;

        @Option(names = "--until", paramLabel = "YYYY-MM-DD",
                description = "Stop at this day (a bounded harvest does not move the mark).")
        LocalDate until;

        @Override
        void check() {
            categories = categories.stream().map(ArxivOai::setSpec).toList();
        }

        @Override
        IngestSummary ingest(LuceneIndex index, PoliteHttpClient http) throws InterruptedException {
            return new ArxivOai(http, baseUrl, HighWaterMarks.in(parent.context.home()), Clock.systemUTC())
                    .harvest(categories, Optional.ofNullable(from), Optional.ofNullable(until), new PaperUpdater(index));
        }
    }

    @Command(name = "api", mixinStandardHelpOptions = true,
            description = "Looks papers up by id, or back-fills a topic (newest first), through the arXiv API.")
    static final class Api extends Source {
        @ArgGroup(multiplicity = "1")
        What what;

        static final class What {
            @Option(names = "--id", split = ",", paramLabel = "ID", required = true,
                    description = "arXiv ids in any spelling (2401.01234v2, arXiv:..., abs URLs).")
            List<String> ids;

            @Option(names = "--query", paramLabel = "QUERY", required = true,
                    description = "An arXiv search query, such as cat:cs.LG or all:\"graph neural\".")
            String query;
        }

        @Option(names = "--max", paramLabel = "N", description = "At most this many papers for --query"
                + " (default ${DEFAULT-VALUE}).")
        int max = 1000;

        @Option(names = "--page-size", paramLabel = "N", description = "Papers per request (default ${DEFAULT-VALUE}).")
        int pageSize = 200;

        @Override
        void check() {
            if (what.query != null) {
                what.query = ArxivApi.checkedQuery(what.query);
            }
        }

        @Override
        IngestSummary ingest(LuceneIndex index, PoliteHttpClient http) throws InterruptedException {
            ArxivApi api = new ArxivApi(http, baseUrl, pageSize);
            PaperUpdater updater = new PaperUpdater(index);
            return what.ids != null ? api.lookup(what.ids, updater) : api.backfill(what.query, max, updater);
        }
    }

    @Command(name = "hf", mixinStandardHelpOptions = true,
            description = "Hugging Face daily papers: adds the day's papers and records their upvotes (trending).")
    static final class Hf extends Source {
        @Option(names = "--date", paramLabel = "YYYY-MM-DD", description = "The day (default: today, UTC).")
        LocalDate date;

        @Option(names = "--from", paramLabel = "YYYY-MM-DD", description = "First day of a range, which ends at --to.")
        LocalDate from;

        @Option(names = "--to", paramLabel = "YYYY-MM-DD", description = "Last day of a range (default: today).")
        LocalDate to;

        @Override
        HttpSettings settings() {
            return HttpSettings.huggingFace();
        }

        @Override
        IngestSummary ingest(LuceneIndex index, PoliteHttpClient http) throws InterruptedException {
            LocalDate today = LocalDate.now(ZoneOffset.UTC);
            if (date != null && (from != null || to != null)) {
                throw new IllegalArgumentException("give either --date or --from/--to, not both");
            }
            LocalDate first = date != null ? date : from != null ? from : today;
            LocalDate last = date != null ? date : to != null ? to : from != null ? today : first;
            return new HuggingFaceDailyPapers(http, baseUrl).ingest(first, last, new PaperUpdater(index), index);
        }
    }
}
