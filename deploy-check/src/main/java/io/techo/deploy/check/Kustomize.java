package io.techo.deploy.check;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Renders a kustomization the way {@code kubectl kustomize} does, for the subset of kustomize Techo uses:
 * {@code resources} (files and directories), {@code namespace}, {@code patches} (strategic merge, from a file,
 * optionally with a {@code target} by kind and name) and {@code configMapGenerator} (files and literals, without a
 * name hash). Any other field is refused, so a manifest cannot silently rely on something this renderer ignores.
 */
public final class Kustomize {

    static final Set<String> SUPPORTED_FIELDS = Set.of("apiVersion", "kind", "namespace", "resources", "patches",
            "configMapGenerator");
    private static final Set<String> CLUSTER_SCOPED = Set.of("Namespace", "ClusterRole", "ClusterRoleBinding",
            "CustomResourceDefinition", "PersistentVolume", "StorageClass", "PriorityClass", "IngressClass");
    private static final Set<String> BUILT_IN_GROUPS = Set.of("", "apps", "batch", "networking.k8s.io", "policy",
            "autoscaling", "rbac.authorization.k8s.io");

    private final Path root;

    /** root: the repository root, for the file names in messages. */
    public Kustomize(Path root) {
        this.root = root;
    }

    /** The objects of the kustomization in dir, in kustomize's order (resources, then generated objects). */
    public List<Resource> render(Path dir) {
        Path file = dir.resolve("kustomization.yaml");
        if (!Files.isRegularFile(file)) {
            throw new DeployCheckException(rel(dir) + ": no kustomization.yaml");
        }
        Map<String, Object> kustomization = Yamls.loadOne(file);
        for (String field : kustomization.keySet()) {
            if (!SUPPORTED_FIELDS.contains(field)) {
                throw new DeployCheckException(rel(file) + ": field '" + field + "' is not supported by deploy-check's"
                        + " kustomize subset " + SUPPORTED_FIELDS + "; implement it in " + Kustomize.class.getName()
                        + " with a test, or do without it");
            }
        }
        List<Resource> objects = new ArrayList<>();
        for (Object entry : Yamls.list(kustomization, "resources")) {
            Path path = dir.resolve(String.valueOf(entry)).normalize();
            if (Files.isDirectory(path)) {
                objects.addAll(render(path));
            } else if (Files.isRegularFile(path)) {
                for (Map<String, Object> object : Yamls.loadAll(path)) {
                    objects.add(new Resource(object, path));
                }
            } else {
                throw new DeployCheckException(rel(file) + ": resource '" + entry + "' does not exist");
            }
        }
        for (Map<String, Object> generator : Yamls.maps(kustomization, "configMapGenerator")) {
            objects.add(new Resource(generateConfigMap(file, dir, generator), file));
        }
        for (Map<String, Object> patch : Yamls.maps(kustomization, "patches")) {
            objects = applyPatch(file, dir, patch, objects);
        }
        String namespace = Yamls.string(kustomization, "namespace");
        if (namespace != null) {
            for (Resource resource : objects) {
                if (!CLUSTER_SCOPED.contains(resource.kind())) {
                    Yamls.asMap(resource.object().computeIfAbsent("metadata", k -> new LinkedHashMap<>()))
                            .put("namespace", namespace);
                }
            }
        }
        Set<String> seen = new HashSet<>();
        for (Resource resource : objects) {
            String key = resource.group() + "/" + resource.kind() + "/" + resource.namespace() + "/" + resource.name();
            if (!seen.add(key)) {
                throw new DeployCheckException(rel(file) + ": " + resource.id() + " is defined twice (again in "
                        + rel(resource.origin()) + ")");
            }
        }
        return objects;
    }

    private Map<String, Object> generateConfigMap(Path file, Path dir, Map<String, Object> generator) {
        for (String field : generator.keySet()) {
            if (!Set.of("name", "files", "literals", "options").contains(field)) {
                throw new DeployCheckException(rel(file) + ": configMapGenerator field '" + field + "' is not supported");
            }
        }
        String name = Yamls.string(generator, "name");
        Map<String, Object> options = Yamls.map(generator, "options");
        if (!Boolean.TRUE.equals(options.get("disableNameSuffixHash"))) {
            throw new DeployCheckException(rel(file) + ": configMapGenerator " + name + " needs options."
                    + "disableNameSuffixHash: true (deploy-check does not compute kustomize's name hash)");
        }
        Map<String, Object> data = new LinkedHashMap<>();
        for (Object entry : Yamls.list(generator, "files")) {
            String spec = String.valueOf(entry);
            String key = spec.contains("=") ? spec.substring(0, spec.indexOf('=')) : Path.of(spec).getFileName().toString();
            Path source = dir.resolve(spec.contains("=") ? spec.substring(spec.indexOf('=') + 1) : spec).normalize();
            try {
                data.put(key, Files.readString(source, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new DeployCheckException(rel(file) + ": configMapGenerator " + name + ": cannot read " + spec, e);
            }
        }
        for (Object entry : Yamls.list(generator, "literals")) {
            String literal = String.valueOf(entry);
            int eq = literal.indexOf('=');
            if (eq < 1) {
                throw new DeployCheckException(rel(file) + ": configMapGenerator " + name + ": literal without '=': " + literal);
            }
            data.put(literal.substring(0, eq), literal.substring(eq + 1));
        }
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("name", name);
        Map<String, Object> labels = Yamls.map(options, "labels");
        if (!labels.isEmpty()) {
            metadata.put("labels", Yamls.deepCopy(labels));
        }
        Map<String, Object> configMap = new LinkedHashMap<>();
        configMap.put("apiVersion", "v1");
        configMap.put("kind", "ConfigMap");
        configMap.put("metadata", metadata);
        configMap.put("data", data);
        return configMap;
    }

    private List<Resource> applyPatch(Path file, Path dir, Map<String, Object> spec, List<Resource> objects) {
        for (String field : spec.keySet()) {
            if (!Set.of("path", "target").contains(field)) {
                throw new DeployCheckException(rel(file) + ": patches field '" + field + "' is not supported (use path:)");
            }
        }
        String pathName = Yamls.string(spec, "path");
        if (pathName == null) {
            throw new DeployCheckException(rel(file) + ": a patch needs a path");
        }
        Path patchFile = dir.resolve(pathName).normalize();
        if (!Files.isRegularFile(patchFile)) {
            throw new DeployCheckException(rel(file) + ": patch file '" + pathName + "' does not exist");
        }
        Map<String, Object> patch = Yamls.loadOne(patchFile);
        Map<String, Object> target = Yamls.map(spec, "target");
        for (String field : target.keySet()) {
            if (!Set.of("kind", "name").contains(field)) {
                throw new DeployCheckException(rel(file) + ": patch target field '" + field + "' is not supported");
            }
        }
        String kind = target.isEmpty() ? Yamls.string(patch, "kind") : Yamls.string(target, "kind");
        Pattern name = target.isEmpty()
                ? Pattern.compile(Pattern.quote(String.valueOf(Yamls.string(patch, "metadata", "name"))))
                : Pattern.compile(target.containsKey("name") ? Yamls.string(target, "name") : ".*");
        if (!target.isEmpty()) {
            patch = Yamls.deepCopy(patch);
            if (patch.get("metadata") instanceof Map<?, ?> metadata) {
                metadata.remove("name"); // with a target, kustomize ignores the patch's name
            }
        }
        List<Resource> result = new ArrayList<>();
        int matched = 0;
        for (Resource resource : objects) {
            if ((kind == null || kind.equals(resource.kind())) && name.matcher(String.valueOf(resource.name())).matches()) {
                matched++;
                boolean builtIn = BUILT_IN_GROUPS.contains(resource.group());
                result.add(new Resource(StrategicMerge.apply(resource.object(), patch, builtIn), resource.origin()));
            } else {
                result.add(resource);
            }
        }
        if (matched == 0) {
            throw new DeployCheckException(rel(patchFile) + ": the patch matches no object (kind " + kind + ", name "
                    + name + ")");
        }
        return result;
    }

    private String rel(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        Path base = root.toAbsolutePath().normalize();
        return absolute.startsWith(base) ? base.relativize(absolute).toString() : path.toString();
    }
}
