package io.techo.deploy.check;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The Dockerfiles under deploy/docker: pinned base image, a non-root USER, a HEALTHCHECK, no secret in ENV/ARG, used
 * by docker-compose, and every COPY source a path the Maven build produces (a Quarkus fast-jar, a shaded jar with
 * that finalName) that .dockerignore lets into the build context.
 */
public final class DockerfileRules {

    private static final Pattern ARG_REF = Pattern.compile("\\$\\{?([A-Z_][A-Z0-9_]*)}?");
    private static final Pattern FINAL_NAME = Pattern.compile("<finalName>([^<$]+)</finalName>");

    private DockerfileRules() {
    }

    public static List<Violation> check(Path dockerDir, Path composeFile, Platform platform) {
        List<Violation> v = new ArrayList<>();
        Path root = platform.root();
        Map<String, Object> services = Yamls.map(Yamls.loadOne(composeFile), "services");
        List<String> dockerignore = readLines(root.resolve(".dockerignore"));
        List<Path> dockerfiles;
        try (Stream<Path> files = Files.list(dockerDir)) {
            dockerfiles = files.filter(f -> f.getFileName().toString().endsWith("Dockerfile")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (Path dockerfile : dockerfiles) {
            String file = root.toAbsolutePath().normalize().relativize(dockerfile.toAbsolutePath().normalize()).toString();
            List<String> instructions = instructions(readLines(dockerfile));
            String user = null;
            boolean healthcheck = false;
            List<String> copySources = new ArrayList<>();
            for (String instruction : instructions) {
                String[] parts = instruction.split("\\s+", 2);
                String keyword = parts[0].toUpperCase();
                String rest = parts.length > 1 ? parts[1] : "";
                switch (keyword) {
                    case "FROM" -> {
                        String image = rest.split("\\s+")[0];
                        if (!image.contains("@sha256:") && (!image.contains(":") || image.endsWith(":latest"))) {
                            v.add(new Violation(file, "images", "base image " + image + " needs a pinned tag"));
                        }
                    }
                    case "USER" -> user = rest.trim();
                    case "HEALTHCHECK" -> healthcheck = !rest.trim().equalsIgnoreCase("NONE");
                    case "ENV", "ARG" -> {
                        for (String word : rest.split("\\s+")) {
                            String name = word.contains("=") ? word.substring(0, word.indexOf('=')) : word;
                            if (ManifestRules.SECRET_NAME.matcher(name).matches()) {
                                v.add(new Violation(file, "no-secret-values", keyword + " " + name + " would bake a secret into the image"));
                            }
                        }
                    }
                    case "COPY", "ADD" -> {
                        List<String> words = new ArrayList<>();
                        for (String word : rest.split("\\s+")) {
                            if (!word.startsWith("--")) {
                                words.add(word);
                            }
                        }
                        copySources.addAll(words.subList(0, Math.max(0, words.size() - 1)));
                    }
                    default -> {
                    }
                }
            }
            if (user == null || user.equals("root") || user.equals("0") || user.startsWith("0:") || user.startsWith("root:")) {
                v.add(new Violation(file, "security-context", "the last USER must be a non-root user, is " + user));
            }
            if (!healthcheck) {
                v.add(new Violation(file, "probes", "no HEALTHCHECK"));
            }
            List<Map<String, String>> argSets = new ArrayList<>();
            services.forEach((name, service) -> {
                Map<String, Object> build = Yamls.map(Yamls.asMap(service), "build");
                Path context = composeFile.getParent().resolve(String.valueOf(build.getOrDefault("context", "."))).normalize();
                if (!build.isEmpty() && context.resolve(String.valueOf(build.get("dockerfile"))).normalize()
                        .equals(dockerfile.toAbsolutePath().normalize())) {
                    Map<String, String> args = new LinkedHashMap<>();
                    Yamls.map(build, "args").forEach((k, value) -> args.put(k, String.valueOf(value)));
                    argSets.add(args);
                }
            });
            if (argSets.isEmpty()) {
                v.add(new Violation(file, "dockerfile", "no service of deploy/docker-compose.yml builds with it"));
            }
            for (Map<String, String> args : argSets) {
                for (String source : copySources) {
                    String resolved = substitute(source, args);
                    if (resolved.contains("$")) {
                        v.add(new Violation(file, "dockerfile", "COPY " + source + ": an ARG is not given by compose (" + args + ")"));
                        continue;
                    }
                    String problem = buildOutputProblem(resolved, platform);
                    if (problem != null) {
                        v.add(new Violation(file, "dockerfile", "COPY " + resolved + ": " + problem));
                    }
                    if (!admitted(resolved, dockerignore)) {
                        v.add(new Violation(file, "dockerfile", "COPY " + resolved + " is excluded by .dockerignore"));
                    }
                }
            }
        }
        return v;
    }

    /** Why a COPY source is not something the build produces (null when it is). */
    static String buildOutputProblem(String source, Platform platform) {
        int target = source.indexOf("/target/");
        if (target < 0) {
            return Files.exists(platform.root().resolve(source)) ? null : "does not exist in the repository";
        }
        String module = source.substring(0, target);
        String output = source.substring(target + "/target/".length());
        Path pom = platform.root().resolve(module).resolve("pom.xml");
        if (!Files.isRegularFile(pom)) {
            return "module " + module + " does not exist";
        }
        String pomText = platform.read(module + "/pom.xml");
        if (output.startsWith("quarkus-app/")) {
            if (!pomText.contains("<artifactId>quarkus-maven-plugin</artifactId>")) {
                return module + " is not built with quarkus-maven-plugin, so there is no target/quarkus-app";
            }
            Path properties = platform.root().resolve(module).resolve("src/main/resources/application.properties");
            String props = Files.isRegularFile(properties) ? platform.read(module + "/src/main/resources/application.properties") : "";
            if (props.contains("quarkus.package.jar.type") && !props.contains("quarkus.package.jar.type=fast-jar")) {
                return module + " does not package a fast-jar (quarkus.package.jar.type)";
            }
            return null;
        }
        Matcher finalName = FINAL_NAME.matcher(pomText);
        while (finalName.find()) {
            if (output.equals(finalName.group(1) + ".jar")) {
                return null;
            }
        }
        return module + "/pom.xml has no <finalName> making target/" + output;
    }

    private static boolean admitted(String source, List<String> dockerignore) {
        boolean admitted = true;
        String path = source.replaceAll("/\\*.*$", "/").replaceAll("\\*.*$", "");
        for (String line : dockerignore) {
            String rule = line.trim();
            if (rule.isEmpty() || rule.startsWith("#")) {
                continue;
            }
            boolean include = rule.startsWith("!");
            String pattern = include ? rule.substring(1) : rule;
            String regex = pattern.replace(".", "\\.").replace("**", "\u0000").replace("*", "[^/]*").replace("\u0000", ".*");
            if (regex.endsWith("/")) {
                regex = regex + ".*";
            }
            if (path.matches(regex) || path.matches(regex + "/.*") || (path + "/").matches(regex)) {
                admitted = include;
            }
        }
        return admitted;
    }

    private static String substitute(String source, Map<String, String> args) {
        Matcher m = ARG_REF.matcher(source);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = args.get(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(value == null ? m.group() : value));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static List<String> instructions(List<String> lines) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : lines) {
            String trimmed = line.trim();
            if (current.isEmpty() && (trimmed.isEmpty() || trimmed.startsWith("#"))) {
                continue;
            }
            if (trimmed.endsWith("\\")) {
                current.append(trimmed, 0, trimmed.length() - 1).append(' ');
            } else {
                current.append(trimmed);
                out.add(current.toString());
                current.setLength(0);
            }
        }
        return out;
    }

    private static List<String> readLines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new DeployCheckException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
