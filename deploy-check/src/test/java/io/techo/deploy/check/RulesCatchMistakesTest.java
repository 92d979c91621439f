package io.techo.deploy.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each rule fires, with a message naming the file and the rule, on deliberately broken fixtures
 * (src/test/resources/fixtures/): proof that a green DeploymentRulesTest means something.
 */
class RulesCatchMistakesTest {

    private static final String FIXTURES = "deploy-check/src/test/resources/fixtures/";
    private static List<String> overlay;

    @BeforeAll
    static void renderTheBadOverlay() {
        Rendering bad = Repository.render(FIXTURES + "bad-overlay");
        overlay = ManifestRules.all(bad, Repository.PLATFORM, true, Set.of(), Repository.devnetSecretKeys()).stream()
                .map(Violation::toString).toList();
    }

    private static void assertFlags(String rule, String... fragments) {
        for (String fragment : fragments) {
            assertThat(overlay).as("violations of [" + rule + "] mentioning '" + fragment + "'")
                    .anyMatch(v -> v.contains("[" + rule + "]") && v.contains(fragment)
                            && v.startsWith("deploy-check/src/test/resources/fixtures/bad-overlay"));
        }
    }

    @Test
    void apiSchemaRejectsUnknownFieldsWrongTypesAndRetiredVersions() {
        assertFlags("api-schema", "unknown field(s) [readinesProbe]", "Deployment/typed-wrongly: does not match",
                "no API model for apiVersion policy/v1beta1");
    }

    @Test
    void securityContextRule() {
        assertFlags("security-context", "hostNetwork is true", "allowPrivilegeEscalation must be false",
                "readOnlyRootFilesystem must be true", "capabilities.drop must contain ALL", "runAsUser is 0",
                "privileged must not be true", "capabilities.add must be empty", "seccompProfile");
    }

    @Test
    void probesRule() {
        assertFlags("probes", "readinessProbe is missing", "startupProbe is missing",
                "livenessProbe uses port web", "livenessProbe must be an httpGet on /q/health/live");
    }

    @Test
    void resourcesRule() {
        assertFlags("resources", "cpu needs both a request and a limit", "memory needs both");
    }

    @Test
    void noSecretValuesRule() {
        assertFlags("no-secret-values", "Secret/committed: Secrets are never committed", "DB_PASSWORD must come from a secretKeyRef",
                "key api-secret looks like a secret", "contains private key material");
    }

    @Test
    void networkPolicyRule() {
        assertFlags("network-policy", "no default-deny NetworkPolicy", "must not accept traffic from",
                "only anchor-service and the gateway (to the IOST node) may send traffic out of the cluster");
    }

    @Test
    void referencesRule() {
        assertFlags("references", "ServiceAccount ghost does not exist", "ConfigMap missing-config is not part of the rendering",
                "Service/orphan: its selector", "scale target Deployment/ghost does not exist",
                "only the gateway is public, not Service record-service", "an Ingress must terminate TLS",
                "backend Service record-service does not exist");
    }

    @Test
    void imagesRule() {
        assertFlags("images", "techo/record-service:latest needs a pinned tag", "busybox needs a pinned tag");
    }

    @Test
    void serviceEnvironmentRule() {
        assertFlags("service-environment", "TECHO_JWT_PUBLIC_KEY is read by record-service without a default but is not set",
                "UNREAD_SETTING is set but record-service never reads it", "must listen on 8081",
                "QUARKUS_HTTP_HOST must be 0.0.0.0", "service consent-service has no Deployment");
    }

    @Test
    void kafkaTopicsRule() {
        assertFlags("kafka-topics", "prod needs replicas 3 and min.insync.replicas 2",
                "names no Kafka", "missing [techo.access.v1", "on 0 broker(s) cannot work");
    }

    @Test
    void highAvailabilityRule() {
        assertFlags("high-availability", "prod needs replicas >= 2", "no PodDisruptionBudget",
                "needs an HPA on CPU with minReplicas >= 2", "needs podAntiAffinity");
    }

    @Test
    void composeRules() {
        List<String> v = ComposeRules.check(Repository.path(FIXTURES + "bad-compose/docker-compose.yml"),
                Repository.PLATFORM, Repository.devnetSecretKeys(), Repository.devnetVariables())
                .stream().map(Violation::toString).toList();
        assertThat(v).allMatch(s -> s.startsWith(FIXTURES + "bad-compose/docker-compose.yml: ["));
        assertThat(String.join("\n", v)).contains(
                "record-service: depends on ghost, which is not a service",
                "record-service: waits for kafka-topics to be healthy, but it has no healthcheck",
                "record-service: configuration must be environment variables only",
                "record-service: a long-running service needs a healthcheck",
                "[no-secret-values] record-service: DB_PASSWORD must be ${VAR}",
                "UNREAD_SETTING is set but record-service never reads it",
                "TECHO_JWT_PUBLIC_KEY is read without a default but not set",
                "volume undeclared is not declared",
                "bind mount source ./no-such-file.sh does not exist",
                "[images] record-service: image must be techo/record-service:0.1.0-SNAPSHOT",
                "service consent-service is missing",
                "[kafka-topics] kafka-topics creates [techo.records.v1]");
    }

    @Test
    void dockerfileRules() {
        List<String> v = DockerfileRules.check(Repository.path(FIXTURES + "bad-docker"),
                Repository.path(FIXTURES + "bad-docker/docker-compose.yml"), Repository.PLATFORM)
                .stream().map(Violation::toString).toList();
        assertThat(v).allMatch(s -> s.startsWith(FIXTURES + "bad-docker/bad.Dockerfile: ["));
        assertThat(String.join("\n", v)).contains(
                "[images] base image eclipse-temurin:latest needs a pinned tag",
                "[security-context] the last USER must be a non-root user, is root",
                "[probes] no HEALTHCHECK",
                "[no-secret-values] ENV DB_PASSWORD",
                "COPY record-service/target/app.jar: record-service/pom.xml has no <finalName> making target/app.jar",
                "COPY ${MISSING}/target/quarkus-app/: an ARG is not given by compose",
                "COPY no-such-dir/: does not exist in the repository",
                "COPY record-service/target/app.jar is excluded by .dockerignore");
    }

    @Test
    void observabilityRules() {
        List<String> v = ObservabilityRules.check(Repository.path(FIXTURES + "bad-observability/dashboard.json"),
                Repository.path(FIXTURES + "bad-observability/alerts.yml"),
                Repository.path(FIXTURES + "bad-observability/prometheusrule.yaml"), Repository.PLATFORM)
                .stream().map(Violation::toString).toList();
        assertThat(String.join("\n", v)).contains(
                "dashboard.json: [observability] panel 'Ingest rate' uses techo_made_up_total, which no service exports",
                "panel 'Nothing' has no query",
                "no panel shows anchoring latency",
                "alert TechoOutboxLag uses techo_outbox_lag_made_up",
                "labels.severity must be warning or critical",
                "runbook_url docs/operations.md#<a heading of that file>",
                "alert TechoDlqGrowing is missing",
                "prometheusrule.yaml: [observability] spec.groups differ");
        assertThat(ObservabilityRules.scrapeConfig(Repository.path(FIXTURES + "bad-observability/alerts.yml"),
                Repository.PLATFORM)).extracting(Violation::toString)
                .contains(FIXTURES + "bad-observability/alerts.yml: [observability] no job record-service scraping"
                        + " record-service:8081/q/metrics");
    }

    @Test
    void kustomizeRefusesWhatItCannotRenderFaithfully(@TempDir Path dir) throws IOException {
        Kustomize kustomize = new Kustomize(dir);
        write(dir.resolve("a/kustomization.yaml"), "resources:\n  - missing.yaml\n");
        assertThatThrownBy(() -> kustomize.render(dir.resolve("a")))
                .hasMessageContaining("a/kustomization.yaml: resource 'missing.yaml' does not exist");
        write(dir.resolve("b/kustomization.yaml"), "commonLabels:\n  x: y\n");
        assertThatThrownBy(() -> kustomize.render(dir.resolve("b")))
                .hasMessageContaining("b/kustomization.yaml: field 'commonLabels' is not supported");
        write(dir.resolve("c/cm.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: one\n");
        write(dir.resolve("c/patch.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: other\ndata:\n  k: v\n");
        write(dir.resolve("c/kustomization.yaml"), "resources:\n  - cm.yaml\npatches:\n  - path: patch.yaml\n");
        assertThatThrownBy(() -> kustomize.render(dir.resolve("c")))
                .hasMessageContaining("c/patch.yaml: the patch matches no object");
        write(dir.resolve("d/kustomization.yaml"), "configMapGenerator:\n  - name: x\n    literals:\n      - a=b\n");
        assertThatThrownBy(() -> kustomize.render(dir.resolve("d")))
                .hasMessageContaining("needs options.disableNameSuffixHash: true");
        write(dir.resolve("e/kustomization.yaml"), "resources:\n  - cm.yaml\n  - cm.yaml\n");
        write(dir.resolve("e/cm.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: one\n");
        assertThatThrownBy(() -> kustomize.render(dir.resolve("e"))).hasMessageContaining("ConfigMap/one is defined twice");
        write(dir.resolve("f/kustomization.yaml"), "resources: [bad.yaml]\n");
        write(dir.resolve("f/bad.yaml"), "a: 1\na: 2\n");
        assertThatThrownBy(() -> kustomize.render(dir.resolve("f"))).hasMessageContaining("f/bad.yaml: not valid YAML");
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
