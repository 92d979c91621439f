package io.techo.deploy.check;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** The objects one kustomization renders, with helpers to find things in them. */
public record Rendering(String name, Path dir, List<Resource> resources, Path root) {

    static final Set<String> WORKLOAD_KINDS = Set.of("Deployment", "StatefulSet", "DaemonSet", "Job", "CronJob");

    public List<Resource> ofKind(String kind) {
        return resources.stream().filter(r -> kind.equals(r.kind())).toList();
    }

    public Resource find(String kind, String name) {
        return resources.stream().filter(r -> kind.equals(r.kind()) && Objects.equals(name, r.name())).findFirst()
                .orElse(null);
    }

    public List<Resource> workloads() {
        return resources.stream().filter(r -> WORKLOAD_KINDS.contains(r.kind())).toList();
    }

    /** The file a resource came from, relative to the repository root, and the rendering it was checked in. */
    public String file(Resource resource) {
        return root.toAbsolutePath().normalize().relativize(resource.origin().toAbsolutePath().normalize())
                + " (rendered in " + name + ")";
    }

    public static Map<String, Object> podSpec(Resource workload) {
        return "CronJob".equals(workload.kind())
                ? Yamls.map(workload.object(), "spec", "jobTemplate", "spec", "template", "spec")
                : Yamls.map(workload.object(), "spec", "template", "spec");
    }

    public static Map<String, Object> podLabels(Resource workload) {
        return "CronJob".equals(workload.kind())
                ? Yamls.map(workload.object(), "spec", "jobTemplate", "spec", "template", "metadata", "labels")
                : Yamls.map(workload.object(), "spec", "template", "metadata", "labels");
    }

    /** Containers and init containers. */
    public static List<Map<String, Object>> containers(Resource workload) {
        List<Map<String, Object>> all = new ArrayList<>(Yamls.maps(podSpec(workload), "initContainers"));
        all.addAll(Yamls.maps(podSpec(workload), "containers"));
        return all;
    }

    /** A label selector's matchLabels (and matchExpressions, unsupported here, make it select nothing). */
    public static boolean selects(Map<String, Object> selector, Map<String, Object> labels) {
        if (!Yamls.list(selector, "matchExpressions").isEmpty()) {
            return false;
        }
        Map<String, Object> match = selector.containsKey("matchLabels") ? Yamls.map(selector, "matchLabels") : selector;
        for (Map.Entry<String, Object> e : match.entrySet()) {
            if (!Objects.equals(String.valueOf(e.getValue()), labels.get(e.getKey()) == null ? null
                    : String.valueOf(labels.get(e.getKey())))) {
                return false;
            }
        }
        return true;
    }
}
