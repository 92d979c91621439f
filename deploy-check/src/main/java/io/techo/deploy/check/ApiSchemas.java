package io.techo.deploy.check;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.openshift.api.model.monitoring.v1.PodMonitor;
import io.fabric8.openshift.api.model.monitoring.v1.PrometheusRule;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Validates objects against the Kubernetes API and the Strimzi CRDs offline, through their typed models from Maven
 * Central (fabric8 kubernetes-model and its Prometheus Operator model, the version Quarkus ships; io.strimzi:api,
 * pinned in the pom): an object must
 * bind to its kind's model with no field the model does not know (the models keep unknown fields aside; a typo
 * such as {@code readinesProbe} shows up there), every value of the right type (no string where a number
 * belongs), and the apiVersion must be one the API serves. Only the kinds listed here are accepted.
 */
public final class ApiSchemas {

    static final Map<String, Class<?>> MODELS = new TreeMap<>(Map.ofEntries(
            Map.entry("v1/Namespace", Namespace.class),
            Map.entry("v1/ServiceAccount", ServiceAccount.class),
            Map.entry("v1/ConfigMap", ConfigMap.class),
            Map.entry("v1/Secret", Secret.class),
            Map.entry("v1/Service", Service.class),
            Map.entry("v1/PersistentVolumeClaim", PersistentVolumeClaim.class),
            Map.entry("apps/v1/Deployment", Deployment.class),
            Map.entry("apps/v1/StatefulSet", StatefulSet.class),
            Map.entry("networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class),
            Map.entry("networking.k8s.io/v1/Ingress", Ingress.class),
            Map.entry("policy/v1/PodDisruptionBudget", PodDisruptionBudget.class),
            Map.entry("autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class),
            Map.entry("monitoring.coreos.com/v1/ServiceMonitor", ServiceMonitor.class),
            Map.entry("monitoring.coreos.com/v1/PodMonitor", PodMonitor.class),
            Map.entry("monitoring.coreos.com/v1/PrometheusRule", PrometheusRule.class),
            Map.entry("kafka.strimzi.io/v1/Kafka", Kafka.class),
            Map.entry("kafka.strimzi.io/v1/KafkaNodePool", KafkaNodePool.class),
            Map.entry("kafka.strimzi.io/v1/KafkaTopic", KafkaTopic.class)));

    /** RFC 1123 subdomain: what most object names must be. */
    private static final Pattern DNS_SUBDOMAIN = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
    /** RFC 1123 label: Services, Namespaces. */
    private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
    private static final Set<String> LABEL_NAMED = Set.of("Service", "Namespace");

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .build();

    private ApiSchemas() {
    }

    public static List<Violation> validate(Resource resource, String file) {
        List<Violation> violations = new ArrayList<>();
        String key = resource.apiVersion() + "/" + resource.kind();
        Class<?> model = MODELS.get(key);
        if (model == null) {
            violations.add(new Violation(file, "api-schema", resource.id() + ": no API model for apiVersion "
                    + resource.apiVersion() + " kind " + resource.kind() + "; known: " + MODELS.keySet()));
            return violations;
        }
        String name = resource.name();
        Pattern namePattern = LABEL_NAMED.contains(resource.kind()) ? DNS_LABEL : DNS_SUBDOMAIN;
        if (name == null || name.length() > 253 || !namePattern.matcher(name).matches()) {
            violations.add(new Violation(file, "api-schema", resource.id() + ": metadata.name is not a valid "
                    + (namePattern == DNS_LABEL ? "DNS label" : "DNS subdomain")));
        }
        Object typed;
        try {
            typed = MAPPER.convertValue(resource.object(), model);
        } catch (IllegalArgumentException e) {
            String message = e.getMessage() == null ? e.toString() : e.getMessage().lines().findFirst().orElse("");
            violations.add(new Violation(file, "api-schema", resource.id() + ": does not match the " + key
                    + " schema: " + message));
            return violations;
        }
        findUnknownFields(typed, "", violations, file, resource, new IdentityHashMap<>());
        return violations;
    }

    private static void findUnknownFields(Object value, String path, List<Violation> violations, String file,
            Resource resource, IdentityHashMap<Object, Boolean> seen) {
        if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean
                || value instanceof Enum<?> || seen.put(value, Boolean.TRUE) != null) {
            return;
        }
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> findUnknownFields(v, path + "." + k, violations, file, resource, seen));
            return;
        }
        if (value instanceof Collection<?> collection) {
            int i = 0;
            for (Object item : collection) {
                findUnknownFields(item, path + "[" + i++ + "]", violations, file, resource, seen);
            }
            return;
        }
        String pkg = value.getClass().getPackageName();
        if (!pkg.startsWith("io.fabric8.kubernetes.api.model") && !pkg.startsWith("io.fabric8.openshift.api.model")
                && !pkg.startsWith("io.strimzi.api")) {
            return;
        }
        for (Method method : value.getClass().getMethods()) {
            if (method.getParameterCount() != 0 || Modifier.isStatic(method.getModifiers())
                    || !method.getName().startsWith("get") || method.getName().equals("getClass")) {
                continue;
            }
            Object child;
            try {
                child = method.invoke(value);
            } catch (ReflectiveOperationException | RuntimeException e) {
                continue;
            }
            if (method.getName().equals("getAdditionalProperties")) {
                if (child instanceof Map<?, ?> extra && !extra.isEmpty()) {
                    violations.add(new Violation(file, "api-schema", resource.id() + ": unknown field(s) "
                            + extra.keySet() + " at " + (path.isEmpty() ? "the top level" : path.substring(1))));
                }
                continue;
            }
            String property = Character.toLowerCase(method.getName().charAt(3)) + method.getName().substring(4);
            findUnknownFields(child, path + "." + property, violations, file, resource, seen);
        }
    }
}
