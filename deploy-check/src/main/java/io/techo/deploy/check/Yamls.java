package io.techo.deploy.check;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/** YAML reading (SnakeYAML, safe constructor, duplicate keys refused) and untyped tree access. */
public final class Yamls {

    private Yamls() {
    }

    /** Every non-empty document of a file, each a mapping; a file that does not parse names itself. */
    public static List<Map<String, Object>> loadAll(Path file) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        List<Map<String, Object>> documents = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            int index = 0;
            for (Object document : new Yaml(new SafeConstructor(options)).loadAll(reader)) {
                index++;
                if (document == null) {
                    continue;
                }
                if (!(document instanceof Map<?, ?> map)) {
                    throw new DeployCheckException(file + ": document " + index + " is not a mapping");
                }
                documents.add(asMap(map));
            }
        } catch (IOException | YAMLException e) {
            throw new DeployCheckException(file + ": not valid YAML: " + e.getMessage(), e);
        }
        return documents;
    }

    /** The single document of a file. */
    public static Map<String, Object> loadOne(Path file) {
        List<Map<String, Object>> documents = loadAll(file);
        if (documents.size() != 1) {
            throw new DeployCheckException(file + ": expected one YAML document, found " + documents.size());
        }
        return documents.get(0);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> asMap(Object value) {
        return (Map<String, Object>) value;
    }

    /** The mapping at a path of keys, or an empty one. */
    public static Map<String, Object> map(Map<String, Object> node, String... path) {
        Object value = get(node, path);
        return value instanceof Map<?, ?> m ? asMap(m) : Map.of();
    }

    /** The mappings of the list at a path of keys (non-mappings skipped), or an empty list. */
    public static List<Map<String, Object>> maps(Map<String, Object> node, String... path) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Object item : list(node, path)) {
            if (item instanceof Map<?, ?> m) {
                out.add(asMap(m));
            }
        }
        return out;
    }

    public static List<Object> list(Map<String, Object> node, String... path) {
        Object value = get(node, path);
        if (value instanceof List<?> l) {
            return new ArrayList<>(l);
        }
        return List.of();
    }

    /** The scalar at a path as a string, or null. */
    public static String string(Map<String, Object> node, String... path) {
        Object value = get(node, path);
        return value == null || value instanceof Map || value instanceof List ? null : String.valueOf(value);
    }

    public static Object get(Map<String, Object> node, String... path) {
        Object current = node;
        for (String key : path) {
            if (!(current instanceof Map<?, ?> m)) {
                return null;
            }
            current = m.get(key);
        }
        return current;
    }

    /** A deep copy of a YAML tree, so patches never change what another overlay reads. */
    @SuppressWarnings("unchecked")
    public static <T> T deepCopy(T value) {
        if (value instanceof Map<?, ?> m) {
            Map<String, Object> copy = new LinkedHashMap<>();
            m.forEach((k, v) -> copy.put(String.valueOf(k), deepCopy(v)));
            return (T) copy;
        }
        if (value instanceof List<?> l) {
            List<Object> copy = new ArrayList<>();
            l.forEach(v -> copy.add(deepCopy(v)));
            return (T) copy;
        }
        return value;
    }
}
