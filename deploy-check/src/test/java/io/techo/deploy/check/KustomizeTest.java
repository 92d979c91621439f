package io.techo.deploy.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The kustomize subset renders Techo's overlays the way kubectl kustomize does. */
class KustomizeTest {

    @Test
    void strategicMergeMergesBuiltInListsByKeyAndReplacesTheRest() {
        Map<String, Object> base = Map.of("spec", Map.of("containers", List.of(
                Map.of("name", "a", "image", "x:1", "env", List.of(Map.of("name", "A", "value", "1")),
                        "args", List.of("--one")),
                Map.of("name", "b", "image", "y:1"))));
        Map<String, Object> patch = Map.of("spec", Map.of("containers", List.of(
                Map.of("name", "a", "env", List.of(Map.of("name", "B", "value", "2")), "args", List.of("--two")))));
        Map<String, Object> merged = StrategicMerge.apply(base, patch, true);
        List<Map<String, Object>> containers = Yamls.maps(merged, "spec", "containers");
        assertThat(containers).extracting(c -> c.get("name")).containsExactly("a", "b");
        assertThat(containers.get(0)).containsEntry("image", "x:1").containsEntry("args", List.of("--two"));
        assertThat(Yamls.maps(containers.get(0), "env")).extracting(e -> e.get("name")).containsExactly("A", "B");
        Map<String, Object> custom = StrategicMerge.apply(base, patch, false);
        assertThat(Yamls.maps(custom, "spec", "containers")).hasSize(1);
        assertThat(base).isEqualTo(Map.of("spec", Map.of("containers", List.of(
                Map.of("name", "a", "image", "x:1", "env", List.of(Map.of("name", "A", "value", "1")),
                        "args", List.of("--one")),
                Map.of("name", "b", "image", "y:1")))));
    }

    @Test
    void devOverlayPatchesEveryTopicAndKeepsTheBaseUntouched() {
        Rendering dev = Repository.render("k8s/overlays/dev");
        Rendering prod = Repository.render("k8s/overlays/prod");
        assertThat(dev.ofKind("KafkaTopic")).hasSize(8).allSatisfy(t -> {
            assertThat(Yamls.get(t.object(), "spec", "replicas")).isEqualTo(1);
            assertThat(Yamls.get(t.object(), "spec", "config", "min.insync.replicas")).isEqualTo(1);
            assertThat(Yamls.get(t.object(), "spec", "config", "retention.ms")).isNotNull();
            assertThat(t.name()).isNotEqualTo("any");
        });
        assertThat(prod.ofKind("KafkaTopic")).allSatisfy(t ->
                assertThat(Yamls.get(t.object(), "spec", "replicas")).isEqualTo(3));
        assertThat(dev.resources()).allSatisfy(r -> assertThat(r.namespace())
                .isEqualTo("Namespace".equals(r.kind()) ? null : "techo"));
        Resource record = prod.find("Deployment", "record-service");
        assertThat(Yamls.get(record.object(), "spec", "replicas")).isEqualTo(2);
        Map<String, Object> container = Yamls.maps(Rendering.podSpec(record), "containers").get(0);
        assertThat(container).containsKeys("image", "env", "startupProbe", "securityContext");
        assertThat(Yamls.string(container, "resources", "limits", "memory")).isEqualTo("1Gi");
        assertThat(dev.find("ConfigMap", "mariadb-initdb").object().toString()).contains("techo_${techo_service}");
    }
}
