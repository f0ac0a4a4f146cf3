package dev.quizbot.discord;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** The repository's {@code compose.yaml}: a database and instances that split the Discord shards between them. */
class ComposeFileTest {

    private static final JsonNode COMPOSE = YAMLMapper.builder().build().readTree(read());

    private static String read() {
        try {
            return Files.readString(Path.of("compose.yaml"));
        } catch (java.io.IOException e) {
            throw new IllegalStateException("compose.yaml at the repository root: " + e.getMessage(), e);
        }
    }

    @Test
    void runsPostgresAndTwoInstancesOfTheRepositoryImageOnIt() {
        JsonNode services = COMPOSE.required("services");

        assertThat(services.required("db").required("image").asString()).startsWith("postgres:16");
        List<JsonNode> instances = instances();
        assertThat(instances).hasSize(2);
        for (JsonNode instance : instances) {
            assertThat(instance.required("build").asString()).isEqualTo(".");
            assertThat(instance.required("environment").required("SPRING_DATASOURCE_URL").asString())
                    .isEqualTo("jdbc:postgresql://db:5432/quizbot");
            assertThat(instance.required("depends_on").required("db").required("condition").asString())
                    .isEqualTo("service_healthy");
        }
    }

    @Test
    void takesEverySecretFromTheEnvironment() {
        List<JsonNode> withSecrets = new ArrayList<>(instances());
        withSecrets.add(COMPOSE.required("services").required("db"));
        for (JsonNode service : withSecrets) {
            for (Map.Entry<String, JsonNode> variable : service.required("environment").properties()) {
                if (variable.getKey().matches(".*(TOKEN|SECRET|PASSWORD).*")) {
                    assertThat(variable.getValue().asString()).as(variable.getKey()).matches("\\$\\{[A-Z_]+(:[-?].*)?}");
                }
            }
        }
    }

    @Test
    void instancesShareOneShardTotalAndSplitItWithoutGapsOrOverlap() {
        List<DiscordProperties.Shards> shards = instances().stream().map(i -> i.required("environment"))
                .map(env -> new DiscordProperties.Shards(
                        Integer.parseInt(env.required("QUIZBOT_DISCORD_SHARDS_TOTAL").asString()),
                        env.required("QUIZBOT_DISCORD_SHARDS_RANGE").asString(), 0, -1))
                .toList();

        int total = shards.getFirst().total();
        boolean[] covered = new boolean[total];
        for (DiscordProperties.Shards each : shards) {
            assertThat(each.total()).isEqualTo(total);
            for (int shard = each.min(); shard <= each.max(); shard++) {
                assertThat(covered[shard]).as("shard %d run twice", shard).isFalse();
                covered[shard] = true;
            }
        }
        assertThat(covered).containsOnly(true);
    }

    private static List<JsonNode> instances() {
        List<JsonNode> instances = new ArrayList<>();
        for (Map.Entry<String, JsonNode> service : COMPOSE.required("services").properties()) {
            if (service.getKey().startsWith("quizbot")) {
                instances.add(service.getValue());
            }
        }
        return instances;
    }
}
