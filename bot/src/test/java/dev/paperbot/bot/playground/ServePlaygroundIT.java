package dev.paperbot.bot.playground;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The playground as a newcomer runs it: {@code bin/paperbot serve} from the repository root, in a child process,
 * with no Slack settings and a new data directory, over the jar this build has just packaged (failsafe runs it in
 * {@code integration-test}, after {@code package}); headless Chromium types commands on its page and presses a
 * button; then SIGTERM stops it. Nothing here reaches the internet: the playground ingests nothing unless told to,
 * and the embedding model is inside the jar.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ServePlaygroundIT {

    /** The repository root (failsafe passes it), where a newcomer types {@code bin/paperbot serve}. */
    static final Path ROOT = Path.of(System.getProperty("paperbot.root", "..")).toAbsolutePath().normalize();
    static final Pattern BANNER = Pattern.compile("open http://localhost:(\\d+)");
    static final Duration START_TIMEOUT = Duration.ofMinutes(2);

    @TempDir
    static Path dir;

    static Path log;
    static Process serve;
    static int port;
    static PlaygroundBrowser browser;

    @BeforeAll
    static void start() throws Exception {
        PlaygroundBrowser.assumeInstalled();
        assertThat(ROOT.resolve("bot/target/paperbot.jar")).as("the runnable jar that package builds").isRegularFile();
        log = dir.resolve("serve.log");
        Path tmp = Files.createDirectories(dir.resolve("tmp"));
        ProcessBuilder builder = new ProcessBuilder(ROOT.resolve("bin/paperbot").toString(), "serve")
                .directory(ROOT.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        Map<String, String> env = builder.environment();
        // Only what this test sets: no Slack variable (so the playground), none of the developer's own settings.
        env.keySet().removeIf(name -> name.startsWith("SLACK_") || name.startsWith("PAPERBOT_"));
        env.put("PAPERBOT_HOME", dir.resolve("home").toString());
        env.put("PAPERBOT_PORT", "0");
        // The jar is fresh: if the launcher thinks otherwise it fails here instead of running Maven inside Maven.
        env.put("PAPERBOT_NO_BUILD", "1");
        // Native libraries the embedding runtime unpacks, and a crash report if the JVM crashed, stay in here.
        env.put("PAPERBOT_JAVA_OPTS", "-Djava.io.tmpdir=" + tmp + " -XX:ErrorFile=" + dir.resolve("hs_err_pid%p.log"));
        serve = builder.start();

        port = awaitPort();
        awaitHealthy();
        browser = PlaygroundBrowser.open(dir.resolve("chromium"), port);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        if (serve != null && serve.isAlive()) {
            serve.destroyForcibly();
        }
    }

    /** The port from the launcher's banner ({@code PAPERBOT_PORT=0} lets the system choose a free one). */
    static int awaitPort() throws Exception {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            Matcher banner = BANNER.matcher(log());
            if (banner.find()) {
                return Integer.parseInt(banner.group(1));
            }
            assertRunning();
            Thread.sleep(100);
        }
        throw new AssertionError("bin/paperbot serve printed no playground address in " + START_TIMEOUT + ":\n" + log());
    }

    /** Waits for {@code GET /healthz} to answer 200: the index is open. */
    static void awaitHealthy() throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest healthz = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/healthz"))
                .timeout(Duration.ofSeconds(5)).build();
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        int status = 0;
        while (Instant.now().isBefore(deadline)) {
            try {
                status = http.send(healthz, HttpResponse.BodyHandlers.discarding()).statusCode();
                if (status == 200) {
                    return;
                }
            } catch (ConnectException notYet) {
                status = 0;
            }
            assertRunning();
            Thread.sleep(100);
        }
        throw new AssertionError("GET /healthz answered " + status + ", not 200, for " + START_TIMEOUT + ":\n" + log());
    }

    static void assertRunning() throws IOException {
        if (!serve.isAlive()) {
            throw new AssertionError("bin/paperbot serve exited with " + serve.exitValue() + ":\n" + log());
        }
    }

    static String log() throws IOException {
        return Files.readString(log);
    }

    static List<String> titles(WebElement reply) {
        return reply.findElements(By.cssSelector(".block-section b a")).stream().map(WebElement::getText).toList();
    }

    @Test
    @Order(1)
    void a_search_shows_quantization_papers_and_more_like_this_answers() throws Exception {
        browser.type("/papers quantization");

        WebElement results = browser.awaitReply("Papers for \u201Cquantization\u201D");
        List<String> titles = titles(results);
        assertThat(titles).hasSize(5).allSatisfy(t -> assertThat(t).isNotBlank());
        assertThat(titles.getFirst()).containsIgnoringCase("quantiz");
        assertThat(titles.stream().filter(t -> t.toLowerCase().contains("quantiz"))).hasSizeGreaterThanOrEqualTo(3);
        assertThat(results.findElements(By.cssSelector("blockquote b")))
                .isNotEmpty().allSatisfy(b -> assertThat(b.getText()).containsIgnoringCase("quantiz"));
        browser.screenshot("serve-search");

        browser.click("More like this", 0);
        WebElement similar = browser.awaitReply("More like \u201C");
        assertThat(similar.getText()).contains(titles.getFirst());
        assertThat(titles(similar)).isNotEmpty().doesNotContain(titles.getFirst());
        assertThat(similar.findElements(By.tagName("button")).stream().map(WebElement::getText))
                .contains("Follow papers like this");
    }

    @Test
    @Order(2)
    void a_subscription_shows_its_papers_in_the_digest_preview() throws Exception {
        browser.type("/papers subscribe speculative decoding");
        assertThat(browser.awaitReply("now follows").getText()).contains("speculative decoding");

        browser.type("/papers digest preview");
        WebElement preview = browser.awaitReply("Preview");
        assertThat(preview.findElement(By.cssSelector(".block-header")).getText()).startsWith("Papers for ");
        assertThat(titles(preview)).anySatisfy(t -> assertThat(t).containsIgnoringCase("speculative"));
        assertThat(preview.getText()).contains("for speculative decoding");
        browser.screenshot("serve-digest-preview");
        // The subscription lives in the data directory's SQLite store.
        assertThat(dir.resolve("home/paperbot.db")).isRegularFile();
    }

    @Test
    @Order(3)
    void sigterm_stops_the_bot_cleanly() throws Exception {
        // The launcher execs java: the process it started is the bot's JVM, so SIGTERM goes to the bot itself.
        assertThat(serve.info().command()).hasValueSatisfying(c -> assertThat(c).endsWith("/bin/java"));

        serve.destroy(); // SIGTERM
        assertThat(serve.waitFor(1, TimeUnit.MINUTES)).as("stopped within a minute:\n%s", log()).isTrue();

        // serve handles SIGTERM itself (stops taking requests, finishes those in flight, closes index and store) and
        // returns 0; 143 would mean the JVM's default handling ended it without that ordered stop.
        assertThat(serve.exitValue()).as("exit code of bin/paperbot serve after SIGTERM:\n%s", log()).isZero();
        String log = log();
        assertThat(log).contains("paperbot: stopping...").doesNotContain(" ERROR ", "Exception", "Work still running");
        try (Stream<Path> files = Stream.concat(Files.list(dir), Files.list(ROOT))) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .noneMatch(name -> name.startsWith("hs_err_pid" + serve.pid()));
        }
    }
}
