package io.techo.deploy.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The repository's k8s/ and deploy/ against every rule: what CI checks instead of applying them to a cluster.
 * A failure lists each broken rule as "file: [rule] message".
 */
class DeploymentRulesTest {

    private static void assertNoViolations(List<Violation> violations) {
        assertThat(violations)
                .withFailMessage(() -> violations.size() + " deployment rule(s) broken:\n"
                        + violations.stream().map(Violation::toString).collect(Collectors.joining("\n")))
                .isEmpty();
    }

    @Test
    void everyYamlFileUnderK8sAndDeployParses() {
        List<Path> files = Repository.files(List.of("k8s", "deploy"), ".yaml", ".yml");
        assertThat(files).hasSizeGreaterThan(10);
        files.forEach(Yamls::loadAll);
    }

    @Test
    void everyKustomizationRendersAndValidatesAgainstTheApiModels() {
        List<Path> kustomizations = Repository.files(List.of("k8s"), "kustomization.yaml");
        assertThat(kustomizations).extracting(p -> Repository.ROOT.relativize(p.getParent()).toString())
                .contains("k8s/base", "k8s/overlays/dev", "k8s/overlays/prod", "k8s/base/gateway", "k8s/monitoring");
        List<Violation> violations = new ArrayList<>();
        for (Path kustomization : kustomizations) {
            Rendering rendering = Repository.render(Repository.ROOT.relativize(kustomization.getParent()).toString());
            assertThat(rendering.resources()).as(rendering.name()).isNotEmpty();
            for (Resource resource : rendering.resources()) {
                violations.addAll(ApiSchemas.validate(resource, rendering.file(resource)));
            }
        }
        assertNoViolations(violations);
    }

    @Test
    void devOverlayKeepsEveryRule() {
        assertNoViolations(ManifestRules.all(Repository.render("k8s/overlays/dev"), Repository.PLATFORM, false,
                Repository.documentedObjects(), Repository.devnetSecretKeys()));
    }

    @Test
    void prodOverlayKeepsEveryRule() {
        assertNoViolations(ManifestRules.all(Repository.render("k8s/overlays/prod"), Repository.PLATFORM, true,
                Repository.documentedObjects(), Repository.devnetSecretKeys()));
    }

    @Test
    void theGatewayIsDeployedBehindTheIngressInBothOverlays() {
        assertThat(Repository.PLATFORM.notYetDeployed()).isEmpty();
        assertThat(Repository.PLATFORM.service("gateway")).isNotNull();
        for (String overlay : List.of("k8s/overlays/dev", "k8s/overlays/prod")) {
            Rendering rendering = Repository.render(overlay);
            assertThat(rendering.find("Ingress", "gateway")).as(overlay).isNotNull();
            assertThat(rendering.find("Deployment", "gateway")).as(overlay).isNotNull();
            assertThat(rendering.find("Service", "gateway")).as(overlay).isNotNull();
        }
    }

    @Test
    void dockerComposeIsConsistentWithTheCodeAndTheManifests() {
        Path compose = Repository.path("deploy/docker-compose.yml");
        List<Violation> violations = new ArrayList<>(ComposeRules.check(compose, Repository.PLATFORM,
                Repository.devnetSecretKeys(), Repository.devnetVariables()));
        violations.addAll(ComposeRules.imagesAgree(compose,
                List.of(Repository.render("k8s/overlays/dev"), Repository.render("k8s/overlays/prod")), Repository.ROOT));
        assertNoViolations(violations);
    }

    @Test
    void devnetSettingsInK8sAreDevnetSettings() {
        Set<String> known = Repository.devnetVariables().keySet();
        Rendering dev = Repository.render("k8s/overlays/dev");
        List<Violation> violations = new ArrayList<>();
        Resource devnet = dev.find("Deployment", "iost-devnet");
        assertThat(devnet).isNotNull();
        for (var container : Rendering.containers(devnet)) {
            ManifestRules.environment(dev, container).keySet().stream().filter(v -> !known.contains(v))
                    .forEach(v -> violations.add(new Violation(dev.file(devnet), "service-environment",
                            v + " is not a devnet setting")));
        }
        assertNoViolations(violations);
    }

    @Test
    void devSecretsScriptSignsForTheDevLogOrigin() {
        Rendering dev = Repository.render("k8s/overlays/dev");
        String origin = Yamls.string(dev.find("ConfigMap", "techo-anchoring").object(), "data", "log-origin");
        assertThat(Repository.PLATFORM.read("k8s/overlays/dev/create-secrets.sh"))
                .as("the key's name must be the log origin anchor-service signs for")
                .contains("ORIGIN=\"" + origin + "\"");
    }

    @Test
    void dockerfilesBuildFromWhatMavenProduces() {
        assertNoViolations(DockerfileRules.check(Repository.path("deploy/docker"),
                Repository.path("deploy/docker-compose.yml"), Repository.PLATFORM));
    }

    @Test
    void dashboardAndAlertsUseExportedMetrics() {
        assertNoViolations(ObservabilityRules.check(Repository.path("deploy/observability/grafana/techo-overview.json"),
                Repository.path("deploy/observability/prometheus/techo-alerts.yml"),
                Repository.path("k8s/monitoring/prometheusrule.yaml"), Repository.PLATFORM));
    }

    @Test
    void composePrometheusScrapesEveryServiceLikeKubernetes() {
        assertNoViolations(ObservabilityRules.scrapeConfig(
                Repository.path("deploy/observability/prometheus/prometheus.yml"), Repository.PLATFORM));
        Rendering monitoring = Repository.render("k8s/monitoring");
        assertThat(monitoring.ofKind("ServiceMonitor")).extracting(Resource::name)
                .containsExactlyInAnyOrderElementsOf(Repository.PLATFORM.services().stream().map(Platform.Service::name).toList());
    }
}
