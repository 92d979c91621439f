package io.techo.deploy.check;

import java.nio.file.Path;
import java.util.Map;

/** One Kubernetes object of a rendering, with the file it came from (before patches). */
public record Resource(Map<String, Object> object, Path origin) {

    public String apiVersion() {
        return Yamls.string(object, "apiVersion");
    }

    public String kind() {
        return Yamls.string(object, "kind");
    }

    public String name() {
        return Yamls.string(object, "metadata", "name");
    }

    public String namespace() {
        return Yamls.string(object, "metadata", "namespace");
    }

    /** The API group of apiVersion ("" for the core group). */
    public String group() {
        String apiVersion = apiVersion();
        return apiVersion == null || !apiVersion.contains("/") ? "" : apiVersion.substring(0, apiVersion.indexOf('/'));
    }

    /** kind/name, as kubectl prints it. */
    public String id() {
        return kind() + "/" + name();
    }
}
