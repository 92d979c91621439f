package io.techo.deploy.check;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The facts about the platform that the deployment must agree with, read from the repository itself: the
 * services, their ports and databases (deploy/local/up.sh, the local runner), what each reads from its environment
 * (its application.properties and @ConfigMapping interfaces), the topics (deploy/local/env.sh), the project version.
 * A component the local runner lists whose module does not exist yet (the gateway) is not deployed yet.
 */
public final class Platform {

    /** A Techo Quarkus service: its HTTP port, its database (null: none), what it reads from the environment. */
    public record Service(String name, int httpPort, String database, ServiceConfig config) {
    }

    /** Modules every service shares code (and so configuration) with. */
    static final List<String> SHARED_MODULES = List.of("service-kit");

    private static final Pattern UP_SERVICES = Pattern.compile("^SERVICES=\\(([^)]*)\\)", Pattern.MULTILINE);
    private static final Pattern TOPICS = Pattern.compile("^TECHO_TOPICS=\\(([^)]*)\\)", Pattern.MULTILINE);
    private static final Pattern HTTP_PORT = Pattern.compile("^quarkus\\.http\\.port=\\$\\{QUARKUS_HTTP_PORT:(\\d+)}",
            Pattern.MULTILINE);

    private final Path root;
    private final List<Service> services;
    private final List<String> pending;

    public Platform(Path root) {
        this.root = root;
        this.services = new ArrayList<>();
        this.pending = new ArrayList<>();
        for (String entry : words(read("deploy/local/up.sh"), UP_SERVICES, "SERVICES in deploy/local/up.sh")) {
            String[] parts = entry.split(":", -1);
            String name = parts[0];
            int port = Integer.parseInt(parts[1]);
            String database = parts.length > 2 && !parts[2].isEmpty() ? parts[2] : null;
            Path properties = root.resolve(name).resolve("src/main/resources/application.properties");
            if (Files.isRegularFile(properties)) {
                ServiceConfig config = ServiceConfig.of(root, name, SHARED_MODULES);
                Matcher m = HTTP_PORT.matcher(read(name + "/src/main/resources/application.properties"));
                if (m.find() && Integer.parseInt(m.group(1)) != port) {
                    throw new DeployCheckException(name + ": quarkus.http.port defaults to " + m.group(1)
                            + " but deploy/local/up.sh runs it on " + port);
                }
                services.add(new Service(name, port, database, config));
            } else {
                pending.add(name);
            }
        }
    }

    public Path root() {
        return root;
    }

    /** The services the deployment must run. */
    public List<Service> services() {
        return services;
    }

    public Service service(String name) {
        return services.stream().filter(s -> s.name().equals(name)).findFirst().orElse(null);
    }

    /** Components the local runner knows whose module does not exist yet (the gateway). */
    public List<String> notYetDeployed() {
        return pending;
    }

    /** Every platform topic and its dead-letter topic. */
    public Set<String> topics() {
        Set<String> topics = new TreeSet<>();
        for (String topic : words(read("deploy/local/env.sh"), TOPICS, "TECHO_TOPICS in deploy/local/env.sh")) {
            topics.add(topic);
            topics.add(topic + ".dlq");
        }
        return topics;
    }

    /** Topics the services' application.properties name (they must all exist). */
    public Map<String, String> topicsNamedByServices() {
        Map<String, String> named = new LinkedHashMap<>();
        Pattern topic = Pattern.compile("^[^#%\\s]*\\.topic=(\\S+)", Pattern.MULTILINE);
        for (Service service : services) {
            Matcher m = topic.matcher(read(service.name() + "/src/main/resources/application.properties"));
            while (m.find()) {
                named.put(m.group(1), service.name());
            }
        }
        return named;
    }

    /** The project version: the tag of every Techo image. */
    public String version() {
        Matcher m = Pattern.compile("<artifactId>techo-parent</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(read("pom.xml"));
        if (!m.find()) {
            throw new DeployCheckException("pom.xml: no techo-parent version");
        }
        return m.group(1);
    }

    public String read(String relative) {
        try {
            return Files.readString(root.resolve(relative), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new DeployCheckException("cannot read " + relative + ": " + e.getMessage(), e);
        }
    }

    private static List<String> words(String text, Pattern pattern, String what) {
        Matcher m = pattern.matcher(text);
        if (!m.find()) {
            throw new DeployCheckException("cannot find " + what);
        }
        List<String> words = new ArrayList<>();
        for (String word : m.group(1).trim().split("\\s+")) {
            if (!word.isEmpty()) {
                words.add(word);
            }
        }
        return words;
    }
}
