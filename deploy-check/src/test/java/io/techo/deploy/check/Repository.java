package io.techo.deploy.check;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The checked repository: its root (system property techo.root, set by the pom) and what tests read from it. */
final class Repository {

    static final Path ROOT = Path.of(System.getProperty("techo.root", "..")).toAbsolutePath().normalize();
    static final Platform PLATFORM = new Platform(ROOT);

    private static final Pattern CREATE = Pattern.compile(
            "kubectl(?:\\s+-n\\s+\\S+)?\\s+create\\s+(?:secret\\s+generic|configmap)\\s+([a-z0-9.-]+)([^\\n]*)");
    private static final Pattern FROM = Pattern.compile("--from-(?:literal|file)=([A-Za-z0-9._-]+)=");

    private Repository() {
    }

    static Path path(String relative) {
        return ROOT.resolve(relative);
    }

    static Rendering render(String relative) {
        Path dir = path(relative);
        return new Rendering(relative, dir, new Kustomize(ROOT).render(dir), ROOT);
    }

    /** "name/key" of every Secret and ConfigMap key that k8s/README.md tells the operator to create. */
    static Set<String> documentedObjects() {
        String readme = PLATFORM.read("k8s/README.md").replace("\\\n", " ");
        Set<String> documented = new TreeSet<>();
        Matcher m = CREATE.matcher(readme);
        while (m.find()) {
            Matcher key = FROM.matcher(m.group(2));
            while (key.find()) {
                documented.add(m.group(1) + "/" + key.group(1));
            }
        }
        return documented;
    }

    /** The devnet's published development-only secret keys: never in a manifest. */
    static Set<String> devnetSecretKeys() {
        try {
            JsonNode keys = new ObjectMapper().readTree(path("iost/devnet/src/main/resources/genesis.json").toFile())
                    .path("development_only_secret_keys");
            Set<String> secrets = new TreeSet<>();
            keys.forEach(k -> {
                if (k.has("secret_key")) {
                    secrets.add(k.get("secret_key").asText());
                }
            });
            return secrets;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** DEVNET_* variable -> devnet.* key, from the devnet's bundled defaults. */
    static Map<String, String> devnetVariables() {
        Map<String, String> variables = new TreeMap<>();
        for (String line : PLATFORM.read("iost/devnet/src/main/resources/devnet.properties").split("\n")) {
            if (line.startsWith("devnet.") && line.contains("=")) {
                String key = line.substring(0, line.indexOf('='));
                variables.put(ServiceConfig.envName(key), key);
            }
        }
        return variables;
    }

    /** Every file under the folders with one of the endings. */
    static List<Path> files(List<String> folders, String... endings) {
        List<Path> files = new ArrayList<>();
        for (String folder : folders) {
            try (Stream<Path> walk = Files.walk(path(folder))) {
                walk.filter(Files::isRegularFile)
                        .filter(f -> Stream.of(endings).anyMatch(e -> f.getFileName().toString().endsWith(e)))
                        .sorted().forEach(files::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return files;
    }
}
