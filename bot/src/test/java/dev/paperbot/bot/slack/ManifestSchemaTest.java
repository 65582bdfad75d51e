package dev.paperbot.bot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Both app manifests validate against Slack's published manifest schema (a copy in test resources). */
class ManifestSchemaTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static Schema schema;

    @BeforeAll
    static void loadSchema() throws IOException {
        try (InputStream in = ManifestSchemaTest.class.getResourceAsStream("/slack/manifest.schema.1.0.0.json")) {
            schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7)
                    .getSchema(in, InputFormat.JSON);
        }
    }

    private static JsonNode yaml(String relative) throws IOException {
        return new YAMLMapper().readTree(ROOT.resolve(relative).toFile());
    }

    private static List<Error> validate(JsonNode manifest) throws IOException {
        return schema.validate(new ObjectMapper().writeValueAsString(manifest), InputFormat.JSON);
    }

    @ParameterizedTest
    @ValueSource(strings = {"manifest.yml", "deploy/manifest.http.yml", "deploy/manifest.distributed.yml"})
    void manifest_is_valid_against_slacks_schema(String file) throws IOException {
        JsonNode manifest = yaml(file);
        assertThat(validate(manifest)).isEmpty();
        // The schema spells this constraint "regex", which JSON Schema ignores: check it here.
        assertThat(manifest.at("/display_information/background_color").asText())
                .matches("^#[0-9a-fA-F]{3}([0-9a-fA-F]{3})?$");
    }

    @ParameterizedTest
    @ValueSource(strings = {"manifest.yml", "deploy/manifest.http.yml", "deploy/manifest.distributed.yml"})
    void manifest_asks_only_for_the_scopes_the_bot_uses(String file) throws IOException {
        JsonNode manifest = yaml(file);
        List<String> scopes = new ArrayList<>();
        manifest.at("/oauth_config/scopes/bot").forEach(s -> scopes.add(s.asText()));
        // channels:history / groups:history: conversations.history when a digest poster takes over a half-posted
        // digest (DigestPoster); nothing else reads messages.
        assertThat(scopes).containsExactlyInAnyOrder("commands", "chat:write", "chat:write.public",
                "channels:history", "groups:history");
        // The install link asks for exactly these.
        assertThat(scopes).containsExactlyInAnyOrder(SlackApps.BOT_SCOPES.split(","));
        assertThat(manifest.at("/oauth_config/scopes/user").isMissingNode()).isTrue();
        assertThat(manifest.at("/settings/event_subscriptions/bot_events")).extracting(JsonNode::asText)
                .containsExactlyElementsOf(file.contains("distributed")
                        ? List.of("app_home_opened", "app_uninstalled", "tokens_revoked")
                        : List.of("app_home_opened"));
        assertThat(manifest.at("/features/slash_commands/0/command").asText()).isEqualTo("/papers");
        assertThat(manifest.at("/features/slash_commands/0/usage_hint").asText()).isNotBlank();
        assertThat(manifest.at("/features/app_home/home_tab_enabled").asBoolean()).isTrue();
        assertThat(manifest.at("/settings/interactivity/is_enabled").asBoolean()).isTrue();
    }

    @Test
    void socket_mode_manifest_needs_no_public_url() throws IOException {
        JsonNode manifest = yaml("manifest.yml");
        assertThat(manifest.at("/settings/socket_mode_enabled").asBoolean()).isTrue();
        assertThat(manifest.findValues("url")).isEmpty();
        assertThat(manifest.findValues("request_url")).isEmpty();
    }

    @Test
    void http_manifest_sends_everything_to_one_events_url() throws IOException {
        JsonNode manifest = yaml("deploy/manifest.http.yml");
        assertThat(manifest.at("/settings/socket_mode_enabled").asBoolean()).isFalse();
        assertThat(List.of(
                        manifest.at("/features/slash_commands/0/url").asText(),
                        manifest.at("/settings/interactivity/request_url").asText(),
                        manifest.at("/settings/event_subscriptions/request_url").asText()))
                .allSatisfy(url -> assertThat(url).startsWith("https://").endsWith("/slack/events"))
                .containsOnly(manifest.at("/features/slash_commands/0/url").asText());
    }

    @Test
    void distributed_manifest_sends_everything_to_one_events_url_and_installers_back_to_the_callback()
            throws IOException {
        JsonNode manifest = yaml("deploy/manifest.distributed.yml");
        String events = manifest.at("/features/slash_commands/0/url").asText();
        assertThat(events).startsWith("https://").endsWith("/slack/events");
        assertThat(List.of(manifest.at("/settings/interactivity/request_url").asText(),
                manifest.at("/settings/event_subscriptions/request_url").asText())).containsOnly(events);
        assertThat(manifest.at("/oauth_config/redirect_urls")).extracting(JsonNode::asText)
                .containsExactly(events.replace("/slack/events", "/slack/oauth/callback"));
        assertThat(manifest.at("/settings/socket_mode_enabled").asBoolean()).isFalse();
        assertThat(manifest.at("/settings/org_deploy_enabled").asBoolean()).isFalse();
    }

    @Test
    void the_schema_really_rejects_a_broken_manifest() throws IOException {
        ObjectNode broken = (ObjectNode) yaml("manifest.yml");
        ((ObjectNode) broken.get("display_information")).put("name", "a name far longer than thirty-five characters");
        ((ObjectNode) broken.at("/features/slash_commands/0")).put("command", "papers-without-a-slash");
        assertThat(validate(broken)).hasSizeGreaterThanOrEqualTo(2);
    }
}
