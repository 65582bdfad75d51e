package dev.paperbot.bot.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.paperbot.bot.config.IngestSchedule.Source;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The container and cluster files in {@code deploy/} agree with the bot: the variables they set are ones the bot
 * reads, the ports, probe paths and data directory are the bot's, secrets come from a Secret whose template holds no
 * values, and each pod keeps its own index volume (Lucene is not shared over the network).
 */
class DeployFilesTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Path KUBERNETES = ROOT.resolve("deploy/kubernetes");
    private static final YAMLMapper YAML = new YAMLMapper();
    /** Variables whose values are secrets: never written in a manifest, always from the Secret. */
    private static final Set<String> SECRET_NAMES = Set.of("PAPERBOT_DB_URL", "SLACK_SIGNING_SECRET", "SLACK_CLIENT_ID",
            "SLACK_CLIENT_SECRET", "PAPERBOT_TOKEN_KEY", "SLACK_BOT_TOKEN", "SLACK_APP_TOKEN");

    private static List<JsonNode> cluster;
    private static JsonNode statefulSet;
    private static JsonNode container;
    private static Map<String, JsonNode> env;

    @BeforeAll
    static void read() throws IOException {
        cluster = new ArrayList<>();
        for (JsonNode name : yaml(KUBERNETES.resolve("kustomization.yaml")).getFirst().get("resources")) {
            cluster.addAll(yaml(KUBERNETES.resolve(name.asText())));
        }
        statefulSet = kind("StatefulSet").getFirst();
        container = statefulSet.at("/spec/template/spec/containers/0");
        env = new HashMap<>();
        container.get("env").forEach(e -> env.put(e.get("name").asText(), e));
    }

    private static List<JsonNode> yaml(Path file) throws IOException {
        try (var docs = YAML.readerFor(JsonNode.class).<JsonNode>readValues(file.toFile())) {
            return docs.readAll().stream().filter(d -> !d.isNull() && !d.isMissingNode()).toList();
        }
    }

    private static List<JsonNode> kind(String kind) {
        return cluster.stream().filter(d -> d.path("kind").asText().equals(kind)).toList();
    }

    /** Every SLACK_* and PAPERBOT_* name the bot's code reads (string literals) or its resources use. */
    private static Set<String> namesTheBotReads() throws IOException {
        Set<String> names = new TreeSet<>();
        Pattern literal = Pattern.compile("\"((?:SLACK|PAPERBOT)_[A-Z0-9_]+)\"");
        Pattern placeholder = Pattern.compile("\\$\\{((?:SLACK|PAPERBOT)_[A-Z0-9_]+)");
        try (Stream<Path> files = Files.walk(Path.of("src/main"))) {
            files.filter(Files::isRegularFile).forEach(f -> {
                Matcher m = (f.toString().endsWith(".java") ? literal : placeholder).matcher(read(f));
                while (m.find()) {
                    names.add(m.group(1));
                }
            });
        }
        return names;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void the_pods_run_the_image_in_http_mode_on_the_port_the_bot_listens_on() throws IOException {
        assertThat(statefulSet.at("/spec/replicas").asInt()).isGreaterThanOrEqualTo(2);
        JsonNode kustomization = yaml(KUBERNETES.resolve("kustomization.yaml")).getFirst();
        assertThat(container.get("image").asText()).isEqualTo(kustomization.at("/images/0/name").asText());
        assertThat(container.at("/args/0").asText()).isEqualTo("serve");
        assertThat(container.at("/ports/0/name").asText()).isEqualTo("http");
        int port = container.at("/ports/0/containerPort").asInt();
        assertThat(env.get("PAPERBOT_PORT").get("value").asText()).isEqualTo(String.valueOf(port));
        assertThat(read(ROOT.resolve("deploy/Dockerfile"))).contains("EXPOSE " + port);

        for (JsonNode service : kind("Service")) {
            assertThat(service.at("/spec/ports/0/targetPort").asText()).isEqualTo("http");
            assertThat(service.at("/spec/selector")).isEqualTo(statefulSet.at("/spec/selector/matchLabels"));
        }
        assertThat(statefulSet.at("/spec/template/metadata/labels"))
                .isEqualTo(statefulSet.at("/spec/selector/matchLabels"));
        assertThat(kind("Service")).extracting(s -> s.at("/metadata/name").asText())
                .contains(statefulSet.at("/spec/serviceName").asText());
    }

    @Test
    void readiness_start_up_and_liveness_ask_healthz() {
        for (String probe : List.of("readinessProbe", "startupProbe", "livenessProbe")) {
            assertThat(container.at("/" + probe + "/httpGet/path").asText()).as(probe).isEqualTo("/healthz");
            assertThat(container.at("/" + probe + "/httpGet/port").asText()).as(probe).isEqualTo("http");
        }
    }

    @Test
    void each_pod_keeps_its_index_on_a_volume_of_its_own() {
        JsonNode mount = container.at("/volumeMounts/0");
        assertThat(mount.get("mountPath").asText()).isEqualTo(env.get("PAPERBOT_HOME").get("value").asText());
        JsonNode claim = statefulSet.at("/spec/volumeClaimTemplates/0");
        assertThat(claim.at("/metadata/name").asText()).isEqualTo(mount.get("name").asText());
        assertThat(claim.at("/spec/accessModes")).extracting(JsonNode::asText).containsExactly("ReadWriteOnce");
        assertThat(statefulSet.at("/spec/template/spec/volumes").isMissingNode()).isTrue();
    }

    @Test
    void the_pods_run_as_the_images_own_non_root_user() {
        Matcher user = Pattern.compile("(?m)^USER (\\d+):(\\d+)$").matcher(read(ROOT.resolve("deploy/Dockerfile")));
        assertThat(user.find()).isTrue();
        JsonNode security = statefulSet.at("/spec/template/spec/securityContext");
        assertThat(security.get("runAsNonRoot").asBoolean()).isTrue();
        assertThat(security.get("runAsUser").asText()).isEqualTo(user.group(1));
        assertThat(security.get("fsGroup").asText()).isEqualTo(user.group(2));
    }

    @Test
    void secrets_come_from_the_secret_whose_template_holds_no_values() throws IOException {
        JsonNode secret = yaml(KUBERNETES.resolve("secret.template.yaml")).getFirst();
        assertThat(secret.get("kind").asText()).isEqualTo("Secret");
        List<String> keys = new ArrayList<>();
        secret.get("stringData").properties().forEach(e -> {
            keys.add(e.getKey());
            assertThat(e.getValue().asText()).as(e.getKey()).isEmpty();
        });
        // Applying the kustomization must never blank the real secret.
        JsonNode resources = yaml(KUBERNETES.resolve("kustomization.yaml")).getFirst().get("resources");
        assertThat(resources).extracting(JsonNode::asText).doesNotContain("secret.template.yaml");

        for (Map.Entry<String, JsonNode> e : env.entrySet()) {
            if (SECRET_NAMES.contains(e.getKey())) {
                assertThat(e.getValue().has("value")).as(e.getKey()).isFalse();
                assertThat(e.getValue().at("/valueFrom/secretKeyRef/name").asText())
                        .isEqualTo(secret.at("/metadata/name").asText());
                assertThat(keys).contains(e.getValue().at("/valueFrom/secretKeyRef/key").asText());
            }
        }
        try (Stream<Path> files = Files.list(KUBERNETES)) {
            files.forEach(f -> assertThat(read(f)).as(f.toString())
                    .doesNotContainPattern("xox[abpr]-|xapp-|password=[^.&'\\s]"));
        }
    }

    @Test
    void the_variables_the_files_set_are_the_ones_the_bot_reads() throws IOException {
        Set<String> read = namesTheBotReads();
        JsonNode compose = yaml(ROOT.resolve("deploy/compose.yml")).getFirst();
        List<String> composeNames = new ArrayList<>();
        compose.at("/services/paperbot/environment").fieldNames().forEachRemaining(composeNames::add);

        assertThat(env.keySet()).allSatisfy(name -> assertThat(read).as("read by the bot").contains(name));
        assertThat(composeNames).allSatisfy(name -> assertThat(read).as("read by the bot").contains(name));
    }

    @Test
    void the_manifests_variables_configure_the_bot_for_many_workspaces_over_postgresql() {
        Map<String, String> values = new HashMap<>();
        env.forEach((name, e) -> values.put(name, e.has("value") ? e.get("value").asText() : placeholder(name)));

        PaperbotConfig config = PaperbotConfigLoader.load(values, Path.of(values.get("PAPERBOT_HOME")));

        assertThat(config.mode()).isEqualTo(PaperbotConfig.Mode.DISTRIBUTED);
        assertThat(config.port()).isEqualTo(container.at("/ports/0/containerPort").asInt());
        assertThat(config.host()).isEqualTo("0.0.0.0");
        assertThat(config.databaseUrl()).isPresent();
        assertThat(config.ingest().sources()).contains(Source.RSS, Source.OAI);
    }

    /** A value the loader accepts for a variable the manifest takes from the Secret. */
    private static String placeholder(String name) {
        return switch (name) {
            case "PAPERBOT_DB_URL" -> "jdbc:postgresql://db:5432/paperbot";
            case "PAPERBOT_TOKEN_KEY" -> Base64.getEncoder().encodeToString(new byte[32]);
            default -> "placeholder-" + name.toLowerCase(java.util.Locale.ROOT);
        };
    }

    @Test
    void compose_replicas_share_one_data_volume_and_no_fixed_host_port() throws IOException {
        JsonNode paperbot = yaml(ROOT.resolve("deploy/compose.yml")).getFirst().at("/services/paperbot");
        assertThat(paperbot.get("volumes")).extracting(JsonNode::asText).containsExactly("paperbot-data:/data");
        // A fixed host port would stop `--scale paperbot=2` at the second replica.
        assertThat(paperbot.get("ports")).extracting(JsonNode::asText)
                .containsExactly(paperbot.at("/environment/PAPERBOT_PORT").asText());
    }
}
