package io.techo.deploy.check;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * deploy/docker-compose.yml, structurally: it parses; dependencies, volumes, build files and healthchecks exist and
 * fit together; configuration is environment only; every Techo service gets what its code reads and nothing else,
 * on its port, with the same image as in k8s; secrets are only interpolated, with marked local-dev defaults.
 */
public final class ComposeRules {

    private static final Set<String> CONDITIONS = Set.of("service_started", "service_healthy",
            "service_completed_successfully");
    private static final Pattern INTERPOLATION = Pattern.compile("^\\$\\{([A-Z0-9_]+)(?::?([-?])(.*))?}$", Pattern.DOTALL);
    private static final Set<String> TOP_LEVEL = Set.of("name", "services", "volumes", "networks");

    private ComposeRules() {
    }

    /** devSecrets: published development-only secret values a local-dev default may use (the devnet's keys). */
    public static List<Violation> check(Path composeFile, Platform platform, Set<String> devSecrets,
            Map<String, String> devnetVariables) {
        List<Violation> v = new ArrayList<>();
        String file = platform.root().toAbsolutePath().normalize().relativize(composeFile.toAbsolutePath().normalize()).toString();
        Map<String, Object> compose = Yamls.loadOne(composeFile);
        Path dir = composeFile.getParent();
        for (String key : compose.keySet()) {
            if (!TOP_LEVEL.contains(key) && !key.startsWith("x-")) {
                v.add(new Violation(file, "compose", "unknown top-level key " + key));
            }
        }
        Map<String, Object> services = Yamls.map(compose, "services");
        Set<String> volumes = Yamls.map(compose, "volumes").keySet();
        for (Map.Entry<String, Object> entry : services.entrySet()) {
            String name = entry.getKey();
            Map<String, Object> service = Yamls.asMap(entry.getValue());
            boolean oneShot = !service.containsKey("restart") && hasDependents(services, name, "service_completed_successfully");
            if (service.get("image") == null) {
                v.add(new Violation(file, "compose", name + ": needs an image name (the one k8s uses)"));
            }
            if (service.containsKey("env_file") || service.containsKey("configs") || service.containsKey("secrets")) {
                v.add(new Violation(file, "compose", name + ": configuration must be environment variables only (no env_file/configs/secrets)"));
            }
            if (!oneShot && Yamls.map(service, "healthcheck").isEmpty()) {
                v.add(new Violation(file, "compose", name + ": a long-running service needs a healthcheck"));
            }
            Map<String, Object> depends = Yamls.map(service, "depends_on");
            if (service.get("depends_on") instanceof List) {
                v.add(new Violation(file, "compose", name + ": depends_on must name a condition for each dependency"));
            }
            for (Map.Entry<String, Object> dependency : depends.entrySet()) {
                String target = dependency.getKey();
                String condition = Yamls.string(Yamls.asMap(dependency.getValue()), "condition");
                if (!services.containsKey(target)) {
                    v.add(new Violation(file, "compose", name + ": depends on " + target + ", which is not a service"));
                } else if (!CONDITIONS.contains(condition)) {
                    v.add(new Violation(file, "compose", name + ": depends on " + target + " with condition " + condition));
                } else if ("service_healthy".equals(condition)
                        && Yamls.map(Yamls.asMap(services.get(target)), "healthcheck").isEmpty()) {
                    v.add(new Violation(file, "compose", name + ": waits for " + target + " to be healthy, but it has no healthcheck"));
                }
            }
            for (Object mount : Yamls.list(service, "volumes")) {
                String source = String.valueOf(mount).split(":")[0];
                if (source.startsWith(".") || source.startsWith("/")) {
                    if (!Files.exists(dir.resolve(source).normalize())) {
                        v.add(new Violation(file, "compose", name + ": bind mount source " + source + " does not exist"));
                    }
                } else if (!volumes.contains(source)) {
                    v.add(new Violation(file, "compose", name + ": volume " + source + " is not declared under volumes"));
                }
            }
            Map<String, Object> build = Yamls.map(service, "build");
            if (!build.isEmpty()) {
                Path context = dir.resolve(String.valueOf(build.getOrDefault("context", "."))).normalize();
                Path dockerfile = context.resolve(String.valueOf(build.getOrDefault("dockerfile", "Dockerfile")));
                if (!Files.isRegularFile(dockerfile)) {
                    v.add(new Violation(file, "compose", name + ": Dockerfile " + dockerfile + " does not exist"));
                }
            }
            Map<String, Object> environment = Yamls.map(service, "environment");
            if (service.get("environment") instanceof List) {
                v.add(new Violation(file, "compose", name + ": write environment as a mapping"));
            }
            environment.forEach((variable, value) -> {
                if (ManifestRules.SECRET_NAME.matcher(variable).matches()) {
                    Matcher m = INTERPOLATION.matcher(String.valueOf(value));
                    boolean ok = m.matches() && (m.group(2) == null || "?".equals(m.group(2))
                            || m.group(3).contains("local-dev-only") || devSecrets.contains(m.group(3)));
                    if (!ok) {
                        v.add(new Violation(file, "no-secret-values", name + ": " + variable + " must be ${VAR}, ${VAR:?...} or"
                                + " ${VAR:-...} with a default marked local-dev-only"));
                    }
                }
                if (value == null || value instanceof Map || value instanceof List) {
                    v.add(new Violation(file, "compose", name + ": " + variable + " needs a scalar value"));
                }
            });
            Platform.Service techo = platform.service(name);
            if (techo != null) {
                v.addAll(techoService(file, name, service, techo, platform));
            }
            if (name.equals("iost-devnet")) {
                for (String variable : environment.keySet()) {
                    if (!devnetVariables.containsKey(variable)) {
                        v.add(new Violation(file, "service-environment", name + ": " + variable
                                + " is not a devnet setting (iost/devnet/src/main/resources/devnet.properties)"));
                    }
                }
            }
        }
        for (Platform.Service techo : platform.services()) {
            if (!services.containsKey(techo.name())) {
                v.add(new Violation(file, "compose", "service " + techo.name() + " is missing"));
            }
        }
        Map<String, Object> topicsJob = Yamls.map(services, "kafka-topics");
        Set<String> topics = new TreeSet<>(Arrays.asList(String.valueOf(Yamls.get(topicsJob, "environment", "TECHO_TOPICS"))
                .trim().split("\\s+")));
        if (!topics.equals(platform.topics())) {
            v.add(new Violation(file, "kafka-topics", "kafka-topics creates " + topics + " but the platform's topics are "
                    + platform.topics()));
        }
        return v;
    }

    private static List<Violation> techoService(String file, String name, Map<String, Object> service,
            Platform.Service techo, Platform platform) {
        List<Violation> v = new ArrayList<>();
        Map<String, String> env = new TreeMap<>();
        Yamls.map(service, "environment").forEach((k, value) -> env.put(k, String.valueOf(value)));
        for (String required : techo.config().required()) {
            if (!env.containsKey(required)) {
                v.add(new Violation(file, "service-environment", name + ": " + required + " is read without a default but not set"));
            }
        }
        for (String set : env.keySet()) {
            if (!techo.config().readable().contains(set)) {
                v.add(new Violation(file, "service-environment", name + ": " + set + " is set but " + name + " never reads it"));
            }
        }
        String port = String.valueOf(techo.httpPort());
        if (!port.equals(env.get("QUARKUS_HTTP_PORT")) || !"0.0.0.0".equals(env.get("QUARKUS_HTTP_HOST"))) {
            v.add(new Violation(file, "service-environment", name + ": QUARKUS_HTTP_HOST must be 0.0.0.0 and QUARKUS_HTTP_PORT " + port));
        }
        if (!port.equals(Yamls.string(service, "build", "args", "HTTP_PORT"))
                || !name.equals(Yamls.string(service, "build", "args", "SERVICE"))) {
            v.add(new Violation(file, "service-environment", name + ": build args must be SERVICE=" + name + " HTTP_PORT=" + port));
        }
        if (Yamls.list(service, "ports").stream().map(String::valueOf).noneMatch(p -> p.endsWith(":" + port))) {
            v.add(new Violation(file, "service-environment", name + ": must publish container port " + port));
        }
        if (!String.valueOf(Yamls.get(service, "healthcheck", "test")).contains(":" + port + "/q/health/ready")) {
            v.add(new Violation(file, "probes", name + ": healthcheck must call /q/health/ready on port " + port));
        }
        if (techo.database() != null) {
            for (String url : List.of("DB_REACTIVE_URL", "DB_JDBC_URL")) {
                if (env.get(url) == null || !env.get(url).endsWith("/" + techo.database())) {
                    v.add(new Violation(file, "service-environment", name + ": " + url + " must name database " + techo.database()));
                }
            }
        }
        if (!("techo/" + name + ":" + platform.version()).equals(service.get("image"))) {
            v.add(new Violation(file, "images", name + ": image must be techo/" + name + ":" + platform.version()));
        }
        if (!Boolean.TRUE.equals(service.get("read_only")) || !Yamls.list(service, "cap_drop").contains("ALL")) {
            v.add(new Violation(file, "security-context", name + ": read_only: true and cap_drop: [ALL]"));
        }
        return v;
    }

    /** images: a component that runs in compose and in a rendering runs the same image in both. */
    public static List<Violation> imagesAgree(Path composeFile, List<Rendering> renderings, Path root) {
        List<Violation> v = new ArrayList<>();
        String file = root.toAbsolutePath().normalize().relativize(composeFile.toAbsolutePath().normalize()).toString();
        Map<String, Object> services = Yamls.map(Yamls.loadOne(composeFile), "services");
        for (Rendering rendering : renderings) {
            for (Resource w : rendering.workloads()) {
                for (Map<String, Object> c : Rendering.containers(w)) {
                    String name = String.valueOf(c.get("name"));
                    String composeImage = Yamls.string(services, name, "image");
                    if (composeImage != null && !composeImage.equals(c.get("image"))) {
                        v.add(new Violation(file, "images", name + ": compose runs " + composeImage + " but "
                                + rendering.file(w) + " runs " + c.get("image")));
                    }
                }
            }
        }
        return v;
    }

    private static boolean hasDependents(Map<String, Object> services, String name, String condition) {
        return services.values().stream().anyMatch(s -> condition.equals(
                Yamls.string(Yamls.asMap(s), "depends_on", name, "condition")));
    }
}
