package io.techo.deploy.check;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What a Quarkus service reads from its environment when it runs in the prod profile, derived from its code:
 * <ul>
 * <li>{@code required}: variables that an expression {@code ${VAR}} without a default needs (unprofiled or
 * {@code %prod.} keys of application.properties) - the deployment must set them;</li>
 * <li>{@code readable}: every variable the service reads - expressions with a default too, and the environment
 * form of every configuration key it uses (Quarkus maps {@code QUARKUS_HTTP_PORT} to {@code quarkus.http.port}):
 * the keys of application.properties and the properties of its own and service-kit's {@code @ConfigMapping}
 * interfaces.</li>
 * </ul>
 * Keys of other profiles ({@code %test.}, {@code %dev.}) are ignored: they never apply in a deployment.
 */
public record ServiceConfig(String module, Set<String> required, Set<String> readable) {

    private static final Pattern EXPRESSION = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_.]*)(:[^}]*)?}");
    private static final Pattern CONFIG_MAPPING = Pattern.compile("@ConfigMapping\\(prefix\\s*=\\s*\"([^\"]+)\"\\)");
    private static final Pattern GETTER = Pattern.compile("^\\s+(?:[\\w<>,.? ]+)\\s+(\\w+)\\(\\)\\s*;", Pattern.MULTILINE);

    /** Reads module/src/main/resources/application.properties and the @ConfigMapping interfaces of the sources. */
    public static ServiceConfig of(Path root, String module, List<String> sharedModules) {
        Path properties = root.resolve(module).resolve("src/main/resources/application.properties");
        Set<String> required = new TreeSet<>();
        Set<String> readable = new TreeSet<>();
        for (String[] entry : entries(properties)) {
            String key = entry[0];
            if (key.startsWith("%") && !key.startsWith("%prod.")) {
                continue;
            }
            String plainKey = key.startsWith("%prod.") ? key.substring("%prod.".length()) : key;
            readable.add(envName(plainKey));
            Matcher m = EXPRESSION.matcher(entry[1]);
            while (m.find()) {
                String variable = m.group(1);
                if (variable.contains(".")) {
                    continue; // a reference to another property, not to the environment
                }
                readable.add(variable);
                if (m.group(2) == null) {
                    required.add(variable);
                }
            }
        }
        List<Path> sources = new ArrayList<>();
        sources.add(root.resolve(module).resolve("src/main/java"));
        sharedModules.forEach(shared -> sources.add(root.resolve(shared).resolve("src/main/java")));
        for (Path source : sources) {
            readable.addAll(configMappingVariables(source));
        }
        return new ServiceConfig(module, required, readable);
    }

    /** The environment variable Quarkus maps to a property name (SmallRye Config's rule). */
    public static String envName(String property) {
        StringBuilder out = new StringBuilder();
        for (char c : property.toCharArray()) {
            out.append(Character.isLetterOrDigit(c) ? Character.toUpperCase(c) : '_');
        }
        return out.toString();
    }

    private static List<String[]> entries(Path properties) {
        List<String[]> entries = new ArrayList<>();
        List<String> lines;
        try {
            lines = Files.readAllLines(properties, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new DeployCheckException("cannot read " + properties + ": " + e.getMessage(), e);
        }
        StringBuilder logical = new StringBuilder();
        for (String raw : lines) {
            String line = raw.strip();
            if (logical.isEmpty() && (line.isEmpty() || line.startsWith("#") || line.startsWith("!"))) {
                continue;
            }
            if (line.endsWith("\\")) {
                logical.append(line, 0, line.length() - 1);
                continue;
            }
            logical.append(line);
            String text = logical.toString();
            logical.setLength(0);
            int separator = indexOfSeparator(text);
            String key = separator < 0 ? text : text.substring(0, separator).strip();
            String value = separator < 0 ? "" : text.substring(separator + 1).strip();
            entries.add(new String[] {key.replace("\"", ""), value});
        }
        return entries;
    }

    private static int indexOfSeparator(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '=' || c == ':') {
                return i;
            }
        }
        return -1;
    }

    private static Set<String> configMappingVariables(Path sourceRoot) {
        Set<String> variables = new TreeSet<>();
        if (!Files.isDirectory(sourceRoot)) {
            return variables;
        }
        try (Stream<Path> files = Files.walk(sourceRoot)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String source = Files.readString(file, StandardCharsets.UTF_8);
                Matcher mapping = CONFIG_MAPPING.matcher(source);
                if (!mapping.find()) {
                    continue;
                }
                String prefix = mapping.group(1);
                Matcher getter = GETTER.matcher(source.substring(mapping.end()));
                while (getter.find()) {
                    variables.add(envName(prefix + "." + kebab(getter.group(1))));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return variables;
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }
}
