package io.techo.deploy.check;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The part of Kubernetes' strategic merge patch that Techo's overlays use: mappings merge key by key, a null value
 * deletes, and lists of the built-in kinds merge by their patch merge key (containers and env by name, ports by
 * port number, volume mounts by path) where the API defines one; every other list, and every list of a custom
 * resource (which has no merge keys), is replaced, as kustomize does.
 */
public final class StrategicMerge {

    private static final Map<String, String> MERGE_KEYS = Map.of(
            "containers", "name",
            "initContainers", "name",
            "env", "name",
            "volumes", "name",
            "volumeMounts", "mountPath",
            "imagePullSecrets", "name",
            "hostAliases", "ip");

    private StrategicMerge() {
    }

    /** The patched copy of target; builtIn = the object is of a built-in kind (whose lists have merge keys). */
    public static Map<String, Object> apply(Map<String, Object> target, Map<String, Object> patch, boolean builtIn) {
        return mergeMaps(Yamls.deepCopy(target), patch, builtIn);
    }

    private static Map<String, Object> mergeMaps(Map<String, Object> base, Map<String, Object> patch, boolean builtIn) {
        Map<String, Object> result = new LinkedHashMap<>(base);
        for (Map.Entry<String, Object> entry : patch.entrySet()) {
            String key = entry.getKey();
            Object value = entry.getValue();
            if (key.startsWith("$")) {
                throw new DeployCheckException("patch directive " + key + " is not supported by deploy-check");
            }
            if (value == null) {
                result.remove(key);
            } else {
                result.put(key, merge(key, result.get(key), value, builtIn));
            }
        }
        return result;
    }

    private static Object merge(String field, Object base, Object patch, boolean builtIn) {
        if (base instanceof Map<?, ?> b && patch instanceof Map<?, ?> p) {
            return mergeMaps(Yamls.asMap(b), Yamls.asMap(p), builtIn);
        }
        if (builtIn && base instanceof List<?> b && patch instanceof List<?> p) {
            String mergeKey = mergeKey(field, p);
            if (mergeKey != null) {
                return mergeLists(b, p, mergeKey, builtIn);
            }
        }
        return Yamls.deepCopy(patch);
    }

    private static String mergeKey(String field, List<?> patchItems) {
        if ("ports".equals(field)) {
            // container ports merge by containerPort, Service ports by port
            boolean container = patchItems.stream().anyMatch(i -> i instanceof Map<?, ?> m && m.containsKey("containerPort"));
            return container ? "containerPort" : "port";
        }
        return MERGE_KEYS.get(field);
    }

    private static List<Object> mergeLists(List<?> base, List<?> patch, String mergeKey, boolean builtIn) {
        List<Object> result = new ArrayList<>(base);
        for (Object item : patch) {
            if (!(item instanceof Map<?, ?> patchItem) || !patchItem.containsKey(mergeKey)) {
                throw new DeployCheckException("list item without merge key " + mergeKey + ": " + item);
            }
            Object keyValue = patchItem.get(mergeKey);
            int index = -1;
            for (int i = 0; i < result.size(); i++) {
                if (result.get(i) instanceof Map<?, ?> existing && Objects.equals(existing.get(mergeKey), keyValue)) {
                    index = i;
                    break;
                }
            }
            if (index < 0) {
                result.add(Yamls.deepCopy(item));
            } else {
                result.set(index, mergeMaps(Yamls.asMap(result.get(index)), Yamls.asMap(patchItem), builtIn));
            }
        }
        return result;
    }
}
