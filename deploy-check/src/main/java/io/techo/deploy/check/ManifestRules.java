package io.techo.deploy.check;

import io.fabric8.kubernetes.api.model.Quantity;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/** The rules every rendered overlay must keep (issue 7), each with a name that its violations carry. */
public final class ManifestRules {

    /** Label of the Techo Quarkus services' pods (what the NetworkPolicies and Kafka listener select). */
    static final String COMPONENT = "app.kubernetes.io/component";
    static final String NAME = "app.kubernetes.io/name";
    /** Environment variable names that hold secrets: they must come from a Secret. */
    static final Pattern SECRET_NAME = Pattern.compile(".*(PASSWORD|SECRET|TOKEN|PRIVATE|SIGNING_KEY|CREDENTIAL).*");
    /** Values that are private keys whatever they are called. */
    static final Pattern SECRET_VALUE = Pattern.compile("(?s).*(-----BEGIN [A-Z ]*PRIVATE KEY-----|PRIVATE\\+KEY\\+).*");
    /** SmallRye Health's endpoints; liveness never checks dependencies, so an outage does not restart pods. */
    static final Map<String, String> HEALTH_PATHS = Map.of("livenessProbe", "/q/health/live",
            "readinessProbe", "/q/health/ready", "startupProbe", "/q/health/started");

    private ManifestRules() {
    }

    /** Every rule for every rendering; prod: the rendering that must be highly available. */
    public static List<Violation> all(Rendering rendering, Platform platform, boolean prod, Set<String> documented,
            Set<String> forbiddenValues) {
        List<Violation> v = new ArrayList<>();
        for (Resource resource : rendering.resources()) {
            v.addAll(ApiSchemas.validate(resource, rendering.file(resource)));
        }
        v.addAll(securityContext(rendering));
        v.addAll(probes(rendering, platform));
        v.addAll(resources(rendering));
        v.addAll(noSecretValues(rendering, forbiddenValues));
        v.addAll(networkPolicies(rendering));
        v.addAll(references(rendering, documented));
        v.addAll(images(rendering, platform));
        v.addAll(serviceEnvironment(rendering, platform));
        v.addAll(kafkaTopics(rendering, platform, prod));
        v.addAll(prod ? highAvailability(rendering, platform) : singleReplicas(rendering, platform));
        return v;
    }

    /** security-context: non-root, read-only root filesystem, no privilege escalation, capabilities dropped. */
    public static List<Violation> securityContext(Rendering r) {
        List<Violation> v = new ArrayList<>();
        for (Resource w : r.workloads()) {
            Map<String, Object> pod = Rendering.podSpec(w);
            String file = r.file(w);
            for (String host : List.of("hostNetwork", "hostPID", "hostIPC")) {
                if (Boolean.TRUE.equals(pod.get(host))) {
                    v.add(new Violation(file, "security-context", w.id() + ": " + host + " is true"));
                }
            }
            for (Map<String, Object> volume : Yamls.maps(pod, "volumes")) {
                if (volume.containsKey("hostPath")) {
                    v.add(new Violation(file, "security-context", w.id() + ": volume " + volume.get("name") + " is a hostPath"));
                }
            }
            boolean podNonRoot = Boolean.TRUE.equals(Yamls.get(pod, "securityContext", "runAsNonRoot"));
            if (!"RuntimeDefault".equals(Yamls.string(pod, "securityContext", "seccompProfile", "type"))) {
                v.add(new Violation(file, "security-context", w.id() + ": pod securityContext.seccompProfile.type must be RuntimeDefault"));
            }
            for (Map<String, Object> c : Rendering.containers(w)) {
                String where = w.id() + " container " + c.get("name") + ": securityContext.";
                Map<String, Object> sc = Yamls.map(c, "securityContext");
                if (!podNonRoot && !Boolean.TRUE.equals(sc.get("runAsNonRoot"))) {
                    v.add(new Violation(file, "security-context", where + "runAsNonRoot must be true (here or on the pod)"));
                }
                Object user = sc.containsKey("runAsUser") ? sc.get("runAsUser") : Yamls.get(pod, "securityContext", "runAsUser");
                if (user != null && "0".equals(String.valueOf(user))) {
                    v.add(new Violation(file, "security-context", where + "runAsUser is 0 (root)"));
                }
                if (!Boolean.FALSE.equals(sc.get("allowPrivilegeEscalation"))) {
                    v.add(new Violation(file, "security-context", where + "allowPrivilegeEscalation must be false"));
                }
                if (!Boolean.TRUE.equals(sc.get("readOnlyRootFilesystem"))) {
                    v.add(new Violation(file, "security-context", where + "readOnlyRootFilesystem must be true"));
                }
                if (Boolean.TRUE.equals(sc.get("privileged"))) {
                    v.add(new Violation(file, "security-context", where + "privileged must not be true"));
                }
                if (!Yamls.list(sc, "capabilities", "drop").contains("ALL")) {
                    v.add(new Violation(file, "security-context", where + "capabilities.drop must contain ALL"));
                }
                if (!Yamls.list(sc, "capabilities", "add").isEmpty()) {
                    v.add(new Violation(file, "security-context", where + "capabilities.add must be empty"));
                }
            }
        }
        return v;
    }

    /** probes: liveness, readiness and startup on every container; Techo services on /q/health/* of their port. */
    public static List<Violation> probes(Rendering r, Platform platform) {
        List<Violation> v = new ArrayList<>();
        for (Resource w : r.workloads()) {
            boolean service = platform.service(w.name()) != null;
            for (Map<String, Object> c : Yamls.maps(Rendering.podSpec(w), "containers")) {
                Set<String> ports = new TreeSet<>();
                for (Map<String, Object> port : Yamls.maps(c, "ports")) {
                    ports.add(String.valueOf(port.get("name")));
                    ports.add(String.valueOf(port.get("containerPort")));
                }
                for (Map.Entry<String, String> probe : HEALTH_PATHS.entrySet()) {
                    Map<String, Object> p = Yamls.map(c, probe.getKey());
                    String where = w.id() + " container " + c.get("name") + ": " + probe.getKey();
                    if (p.isEmpty()) {
                        v.add(new Violation(r.file(w), "probes", where + " is missing"));
                        continue;
                    }
                    String port = Yamls.string(p, "httpGet", "port");
                    if (port != null && !ports.contains(port)) {
                        v.add(new Violation(r.file(w), "probes", where + " uses port " + port
                                + ", which the container does not declare"));
                    }
                    String path = Yamls.string(p, "httpGet", "path");
                    if (service && !probe.getValue().equals(path)) {
                        v.add(new Violation(r.file(w), "probes", where + " must be an httpGet on " + probe.getValue()
                                + ", not " + path));
                    }
                }
            }
        }
        return v;
    }

    /** resources: CPU and memory requests and limits on every container, requests not above limits. */
    public static List<Violation> resources(Rendering r) {
        List<Violation> v = new ArrayList<>();
        for (Resource w : r.workloads()) {
            for (Map<String, Object> c : Rendering.containers(w)) {
                for (String resource : List.of("cpu", "memory")) {
                    String request = Yamls.string(c, "resources", "requests", resource);
                    String limit = Yamls.string(c, "resources", "limits", resource);
                    String where = w.id() + " container " + c.get("name") + ": ";
                    if (request == null || limit == null) {
                        v.add(new Violation(r.file(w), "resources", where + resource + " needs both a request and a limit"));
                    } else if (amount(request).compareTo(amount(limit)) > 0) {
                        v.add(new Violation(r.file(w), "resources", where + resource + " request " + request + " exceeds its limit " + limit));
                    }
                }
            }
        }
        return v;
    }

    private static BigDecimal amount(String quantity) {
        return Quantity.getAmountInBytes(new Quantity(quantity));
    }

    /** no-secret-values: no Secret objects, secret-looking variables only from Secrets, no key material anywhere. */
    public static List<Violation> noSecretValues(Rendering r, Set<String> forbiddenValues) {
        List<Violation> v = new ArrayList<>();
        for (Resource resource : r.resources()) {
            if ("Secret".equals(resource.kind())) {
                v.add(new Violation(r.file(resource), "no-secret-values", resource.id()
                        + ": Secrets are never committed; document a kubectl create secret command in k8s/README.md instead"));
            }
            scanStrings(resource.object(), "", r, resource, forbiddenValues, v);
            if ("ConfigMap".equals(resource.kind())) {
                for (String key : Yamls.map(resource.object(), "data").keySet()) {
                    if (SECRET_NAME.matcher(key.toUpperCase().replace('-', '_')).matches()) {
                        v.add(new Violation(r.file(resource), "no-secret-values", resource.id() + ": key " + key
                                + " looks like a secret; keep it in a Secret"));
                    }
                }
            }
        }
        for (Resource w : r.workloads()) {
            for (Map<String, Object> c : Rendering.containers(w)) {
                for (Map<String, Object> env : Yamls.maps(c, "env")) {
                    String name = String.valueOf(env.get("name"));
                    if (SECRET_NAME.matcher(name).matches() && Yamls.get(env, "valueFrom", "secretKeyRef") == null) {
                        v.add(new Violation(r.file(w), "no-secret-values", w.id() + " container " + c.get("name")
                                + ": " + name + " must come from a secretKeyRef"));
                    }
                }
            }
        }
        return v;
    }

    private static void scanStrings(Object node, String path, Rendering r, Resource resource, Set<String> forbidden,
            List<Violation> v) {
        if (node instanceof Map<?, ?> map) {
            map.forEach((k, value) -> scanStrings(value, path + "." + k, r, resource, forbidden, v));
        } else if (node instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                scanStrings(list.get(i), path + "[" + i + "]", r, resource, forbidden, v);
            }
        } else if (node instanceof String s) {
            boolean known = forbidden.stream().anyMatch(s::contains);
            if (known || SECRET_VALUE.matcher(s).matches()) {
                v.add(new Violation(r.file(resource), "no-secret-values", resource.id() + ": " + path.substring(1)
                        + " contains " + (known ? "a known secret key" : "private key material")));
            }
        }
    }

    /**
     * network-policy: a default deny of ingress and egress; every workload selected by an allowing policy; and the
     * allowed paths only: the database only from the services, the services' HTTP ports only from the gateway (and
     * consent-service from record-service, Prometheus from the monitoring namespace), Kafka's listener only for the
     * services, traffic leaving the cluster only to the IOST node: from anchor-service (it writes the anchors) and the
     * gateway (it proxies the auditors' chain look-ups).
     */
    public static List<Violation> networkPolicies(Rendering r) {
        List<Violation> v = new ArrayList<>();
        List<Resource> policies = r.ofKind("NetworkPolicy");
        Predicate<String> chainClients = name -> "anchor-service".equals(name) || "gateway".equals(name);
        boolean defaultDeny = policies.stream().anyMatch(p -> Yamls.map(p.object(), "spec", "podSelector").isEmpty()
                && Yamls.list(p.object(), "spec", "policyTypes").containsAll(List.of("Ingress", "Egress"))
                && !Yamls.map(p.object(), "spec").containsKey("ingress") && !Yamls.map(p.object(), "spec").containsKey("egress"));
        if (!defaultDeny) {
            v.add(new Violation(r.name(), "network-policy", "no default-deny NetworkPolicy (podSelector {}, policyTypes Ingress and Egress, no rules)"));
        }
        for (Resource w : r.workloads()) {
            Map<String, Object> labels = Rendering.podLabels(w);
            boolean covered = policies.stream().anyMatch(p -> !Yamls.map(p.object(), "spec", "podSelector").isEmpty()
                    && Rendering.selects(Yamls.map(p.object(), "spec", "podSelector"), labels));
            if (!covered) {
                v.add(new Violation(r.file(w), "network-policy", w.id() + ": no NetworkPolicy selects its pods (it can talk to nothing)"));
            }
        }
        for (Resource p : policies) {
            Map<String, Object> selector = Yamls.map(p.object(), "spec", "podSelector");
            String selected = selector.isEmpty() ? "*" : String.valueOf(Yamls.map(selector, "matchLabels"));
            String selectedName = Yamls.string(selector, "matchLabels", NAME);
            String selectedComponent = Yamls.string(selector, "matchLabels", COMPONENT);
            for (Map<String, Object> rule : Yamls.maps(p.object(), "spec", "ingress")) {
                for (Map<String, Object> peer : fromOrTo(rule, "from")) {
                    String peerName = Yamls.string(peer, "podSelector", "matchLabels", NAME);
                    String peerComponent = Yamls.string(peer, "podSelector", "matchLabels", COMPONENT);
                    String peerNamespace = Yamls.string(peer, "namespaceSelector", "matchLabels", "kubernetes.io/metadata.name");
                    boolean allowed;
                    if ("mariadb".equals(selectedName)) {
                        allowed = "service".equals(peerComponent) && !peer.containsKey("namespaceSelector");
                    } else if ("service".equals(selectedComponent)) {
                        allowed = ("gateway".equals(peerName) && !peer.containsKey("namespaceSelector"))
                                || ("monitoring".equals(peerNamespace) && !peer.containsKey("podSelector"));
                    } else if ("consent-service".equals(selectedName)) {
                        allowed = "record-service".equals(peerName) && !peer.containsKey("namespaceSelector");
                    } else if ("iost-devnet".equals(selectedName)) {
                        allowed = chainClients.test(peerName) && !peer.containsKey("namespaceSelector");
                    } else if ("gateway".equals(selectedName)) {
                        allowed = "ingress-nginx".equals(peerNamespace) || "monitoring".equals(peerNamespace);
                    } else {
                        allowed = peer.containsKey("podSelector") || peer.containsKey("namespaceSelector");
                    }
                    if (peer.containsKey("ipBlock") || peer.isEmpty()) {
                        allowed = false;
                    }
                    if (!allowed) {
                        v.add(new Violation(r.file(p), "network-policy", p.id() + ": pods " + selected
                                + " must not accept traffic from " + peer));
                    }
                }
                if (fromOrTo(rule, "from").isEmpty()) {
                    v.add(new Violation(r.file(p), "network-policy", p.id() + ": an ingress rule without 'from' admits everyone"));
                }
            }
            for (Map<String, Object> rule : Yamls.maps(p.object(), "spec", "egress")) {
                List<Map<String, Object>> peers = fromOrTo(rule, "to");
                boolean leavesCluster = peers.isEmpty() || peers.stream().anyMatch(peer -> peer.containsKey("ipBlock"));
                boolean strimzi = Yamls.string(selector, "matchLabels", "strimzi.io/cluster") != null;
                if (leavesCluster && !chainClients.test(selectedName) && !strimzi) {
                    v.add(new Violation(r.file(p), "network-policy", p.id() + ": only anchor-service and the gateway (to the"
                            + " IOST node) may send traffic out of the cluster; pods " + selected + " may not"));
                }
                for (Map<String, Object> peer : peers) {
                    if ("iost-devnet".equals(Yamls.string(peer, "podSelector", "matchLabels", NAME))
                            && !chainClients.test(selectedName)) {
                        v.add(new Violation(r.file(p), "network-policy", p.id() + ": only anchor-service and the gateway may reach the IOST node"));
                    }
                    if ("mariadb".equals(Yamls.string(peer, "podSelector", "matchLabels", NAME))
                            && !"service".equals(selectedComponent)) {
                        v.add(new Violation(r.file(p), "network-policy", p.id() + ": only the services may reach the database"));
                    }
                }
            }
        }
        for (Resource kafka : r.ofKind("Kafka")) {
            for (Map<String, Object> listener : Yamls.maps(kafka.object(), "spec", "kafka", "listeners")) {
                List<Map<String, Object>> peers = Yamls.maps(listener, "networkPolicyPeers");
                boolean onlyServices = !peers.isEmpty() && peers.stream().allMatch(peer -> peer.size() == 1
                        && "service".equals(Yamls.string(peer, "podSelector", "matchLabels", COMPONENT)));
                if (!onlyServices) {
                    v.add(new Violation(r.file(kafka), "network-policy", kafka.id() + ": listener " + listener.get("name")
                            + " must admit only the services (networkPolicyPeers: podSelector " + COMPONENT + "=service)"));
                }
            }
        }
        return v;
    }

    private static List<Map<String, Object>> fromOrTo(Map<String, Object> rule, String field) {
        return Yamls.maps(rule, field);
    }

    /**
     * references: what objects name exists - ConfigMaps and their keys, Secrets and ConfigMaps made by the operator
     * (documented in k8s/README.md), ServiceAccounts, claims, Services' pods and ports, PDB/HPA targets, Ingress
     * backends.
     */
    public static List<Violation> references(Rendering r, Set<String> documented) {
        List<Violation> v = new ArrayList<>();
        for (Resource w : r.workloads()) {
            Map<String, Object> pod = Rendering.podSpec(w);
            String account = Yamls.string(pod, "serviceAccountName");
            if (account != null && r.find("ServiceAccount", account) == null) {
                v.add(new Violation(r.file(w), "references", w.id() + ": ServiceAccount " + account + " does not exist"));
            }
            for (Map<String, Object> volume : Yamls.maps(pod, "volumes")) {
                String claim = Yamls.string(volume, "persistentVolumeClaim", "claimName");
                if (claim != null && r.find("PersistentVolumeClaim", claim) == null) {
                    v.add(new Violation(r.file(w), "references", w.id() + ": PersistentVolumeClaim " + claim + " does not exist"));
                }
                String configMap = Yamls.string(volume, "configMap", "name");
                if (configMap != null && r.find("ConfigMap", configMap) == null) {
                    v.add(new Violation(r.file(w), "references", w.id() + ": ConfigMap " + configMap + " does not exist"));
                }
            }
            for (Map<String, Object> c : Rendering.containers(w)) {
                for (Map<String, Object> from : Yamls.maps(c, "envFrom")) {
                    String name = Yamls.string(from, "configMapRef", "name");
                    if (from.containsKey("secretRef")) {
                        v.add(new Violation(r.file(w), "references", w.id() + ": envFrom secretRef hides which variables are set; use env with secretKeyRef"));
                    } else if (name != null && r.find("ConfigMap", name) == null) {
                        v.add(new Violation(r.file(w), "references", w.id() + ": envFrom ConfigMap " + name + " is not part of the rendering"));
                    }
                }
                for (Map<String, Object> env : Yamls.maps(c, "env")) {
                    for (String refKind : List.of("configMapKeyRef", "secretKeyRef")) {
                        Map<String, Object> ref = Yamls.map(env, "valueFrom", refKind);
                        if (ref.isEmpty()) {
                            continue;
                        }
                        String name = Yamls.string(ref, "name");
                        String key = Yamls.string(ref, "key");
                        Resource configMap = "configMapKeyRef".equals(refKind) ? r.find("ConfigMap", name) : null;
                        if (configMap != null) {
                            if (!Yamls.map(configMap.object(), "data").containsKey(key)) {
                                v.add(new Violation(r.file(w), "references", w.id() + ": ConfigMap " + name + " has no key " + key));
                            }
                        } else if (!documented.contains(name + "/" + key)) {
                            v.add(new Violation(r.file(w), "references", w.id() + ": " + env.get("name") + " reads "
                                    + ("secretKeyRef".equals(refKind) ? "Secret " : "ConfigMap ") + name + " key " + key
                                    + ", which is neither rendered nor documented in k8s/README.md (a kubectl create line with --from-*=" + key + ")"));
                        }
                    }
                }
            }
        }
        for (Resource service : r.ofKind("Service")) {
            Map<String, Object> selector = Yamls.map(service.object(), "spec", "selector");
            List<Resource> backends = r.workloads().stream()
                    .filter(w -> !selector.isEmpty() && Rendering.selects(selector, Rendering.podLabels(w))).toList();
            if (backends.isEmpty()) {
                v.add(new Violation(r.file(service), "references", service.id() + ": its selector " + selector + " matches no workload"));
            }
            for (Map<String, Object> port : Yamls.maps(service.object(), "spec", "ports")) {
                String target = Yamls.string(port, "targetPort");
                for (Resource w : backends) {
                    boolean declared = Yamls.maps(Rendering.podSpec(w), "containers").stream()
                            .flatMap(c -> Yamls.maps(c, "ports").stream())
                            .anyMatch(p -> Objects.equals(target, String.valueOf(p.get("name")))
                                    || Objects.equals(target, String.valueOf(p.get("containerPort"))));
                    if (!declared) {
                        v.add(new Violation(r.file(service), "references", service.id() + ": targetPort " + target + " is not a port of " + w.id()));
                    }
                }
            }
        }
        for (Resource pdb : r.ofKind("PodDisruptionBudget")) {
            Map<String, Object> selector = Yamls.map(pdb.object(), "spec", "selector");
            if (r.workloads().stream().noneMatch(w -> Rendering.selects(selector, Rendering.podLabels(w)))) {
                v.add(new Violation(r.file(pdb), "references", pdb.id() + ": its selector matches no workload"));
            }
        }
        for (Resource hpa : r.ofKind("HorizontalPodAutoscaler")) {
            String kind = Yamls.string(hpa.object(), "spec", "scaleTargetRef", "kind");
            String name = Yamls.string(hpa.object(), "spec", "scaleTargetRef", "name");
            if (r.find(kind, name) == null) {
                v.add(new Violation(r.file(hpa), "references", hpa.id() + ": scale target " + kind + "/" + name + " does not exist"));
            }
        }
        for (Resource ingress : r.ofKind("Ingress")) {
            for (Map<String, Object> rule : Yamls.maps(ingress.object(), "spec", "rules")) {
                for (Map<String, Object> path : Yamls.maps(rule, "http", "paths")) {
                    String backend = Yamls.string(path, "backend", "service", "name");
                    if (!"gateway".equals(backend)) {
                        v.add(new Violation(r.file(ingress), "references", ingress.id() + ": only the gateway is public,"
                                + " not Service " + backend));
                    }
                    if (r.find("Service", backend) == null) {
                        v.add(new Violation(r.file(ingress), "references", ingress.id() + ": backend Service " + backend + " does not exist"));
                    }
                }
            }
            if (Yamls.maps(ingress.object(), "spec", "tls").isEmpty()) {
                v.add(new Violation(r.file(ingress), "references", ingress.id() + ": an Ingress must terminate TLS (spec.tls)"));
            }
        }
        return v;
    }

    /** images: pinned tags; Techo's own images named techo/NAME:VERSION (the project version). */
    public static List<Violation> images(Rendering r, Platform platform) {
        List<Violation> v = new ArrayList<>();
        for (Resource w : r.workloads()) {
            for (Map<String, Object> c : Rendering.containers(w)) {
                String image = String.valueOf(c.get("image"));
                int colon = image.lastIndexOf(':');
                if (colon < 0 || colon < image.lastIndexOf('/') || image.endsWith(":latest")) {
                    v.add(new Violation(r.file(w), "images", w.id() + ": image " + image + " needs a pinned tag (not latest)"));
                }
                if (image.startsWith("techo/") && !image.equals("techo/" + c.get("name") + ":" + platform.version())) {
                    v.add(new Violation(r.file(w), "images", w.id() + ": image " + image + " should be techo/" + c.get("name")
                            + ":" + platform.version() + " (the container's name and the project version)"));
                }
            }
        }
        return v;
    }

    /**
     * service-environment: each service's container gets exactly what its code reads: every variable without a
     * default is set, nothing set is unread; its port agrees with its application.properties.
     */
    public static List<Violation> serviceEnvironment(Rendering r, Platform platform) {
        List<Violation> v = new ArrayList<>();
        for (Platform.Service service : platform.services()) {
            Resource w = r.find("Deployment", service.name());
            if (w == null) {
                v.add(new Violation(r.name(), "service-environment", "service " + service.name() + " has no Deployment"));
                continue;
            }
            Map<String, Object> container = Yamls.maps(Rendering.podSpec(w), "containers").stream()
                    .filter(c -> service.name().equals(c.get("name"))).findFirst().orElse(Map.of());
            Map<String, String> env = environment(r, container);
            for (String required : service.config().required()) {
                if (!env.containsKey(required)) {
                    v.add(new Violation(r.file(w), "service-environment", w.id() + ": " + required + " is read by "
                            + service.name() + " without a default but is not set"));
                }
            }
            for (String set : env.keySet()) {
                if (!service.config().readable().contains(set)) {
                    v.add(new Violation(r.file(w), "service-environment", w.id() + ": " + set + " is set but "
                            + service.name() + " never reads it"));
                }
            }
            for (Map.Entry<String, String> e : env.entrySet()) {
                if (e.getValue() != null && e.getValue().contains("${")) {
                    v.add(new Violation(r.file(w), "service-environment", w.id() + ": " + e.getKey() + " has an unexpanded ${...}"));
                }
            }
            String port = env.get("QUARKUS_HTTP_PORT");
            boolean containerPort = Yamls.maps(container, "ports").stream()
                    .anyMatch(p -> String.valueOf(service.httpPort()).equals(String.valueOf(p.get("containerPort"))));
            if (!containerPort || (port != null && !port.equals(String.valueOf(service.httpPort())))) {
                v.add(new Violation(r.file(w), "service-environment", w.id() + ": must listen on " + service.httpPort()
                        + " (its quarkus.http.port) and declare it as containerPort; QUARKUS_HTTP_PORT=" + port));
            }
            if (service.database() != null) {
                for (String url : List.of("DB_REACTIVE_URL", "DB_JDBC_URL")) {
                    if (env.get(url) == null || !env.get(url).endsWith("/" + service.database())) {
                        v.add(new Violation(r.file(w), "service-environment", w.id() + ": " + url + " must name database "
                                + service.database() + ", is " + env.get(url)));
                    }
                }
            }
            if (!"0.0.0.0".equals(env.get("QUARKUS_HTTP_HOST"))) {
                v.add(new Violation(r.file(w), "service-environment", w.id() + ": QUARKUS_HTTP_HOST must be 0.0.0.0 (the default 127.0.0.1 is unreachable from other pods)"));
            }
            Resource svc = r.find("Service", service.name());
            if (svc == null || Yamls.maps(svc.object(), "spec", "ports").stream()
                    .noneMatch(p -> String.valueOf(service.httpPort()).equals(String.valueOf(p.get("port"))))) {
                v.add(new Violation(r.file(w), "service-environment", "Service " + service.name() + " must expose port " + service.httpPort()));
            }
        }
        return v;
    }

    /** The variables a container gets: explicit env (value or null when from a reference) and envFrom ConfigMaps. */
    static Map<String, String> environment(Rendering r, Map<String, Object> container) {
        Map<String, String> env = new TreeMap<>();
        for (Map<String, Object> from : Yamls.maps(container, "envFrom")) {
            Resource configMap = r.find("ConfigMap", Yamls.string(from, "configMapRef", "name"));
            if (configMap != null) {
                Yamls.map(configMap.object(), "data").forEach((k, value) -> env.put(k, String.valueOf(value)));
            }
        }
        for (Map<String, Object> e : Yamls.maps(container, "env")) {
            env.put(String.valueOf(e.get("name")), Yamls.string(e, "value"));
        }
        return env;
    }

    /**
     * kafka-topics: a KafkaTopic for every platform topic and DLQ (and none else), on the cluster that exists; in
     * prod with replication factor 3 and min.insync.replicas 2; never more replicas than brokers.
     */
    public static List<Violation> kafkaTopics(Rendering r, Platform platform, boolean prod) {
        List<Violation> v = new ArrayList<>();
        Set<String> expected = platform.topics();
        Set<String> declared = new TreeSet<>();
        int brokers = r.ofKind("KafkaNodePool").stream()
                .filter(p -> Yamls.list(p.object(), "spec", "roles").contains("broker"))
                .mapToInt(p -> Integer.parseInt(String.valueOf(Yamls.get(p.object(), "spec", "replicas")))).sum();
        for (Resource topic : r.ofKind("KafkaTopic")) {
            String name = Yamls.string(topic.object(), "spec", "topicName") != null
                    ? Yamls.string(topic.object(), "spec", "topicName") : topic.name();
            declared.add(name);
            String cluster = Yamls.string(topic.object(), "metadata", "labels", "strimzi.io/cluster");
            if (cluster == null || r.find("Kafka", cluster) == null) {
                v.add(new Violation(r.file(topic), "kafka-topics", topic.id() + ": label strimzi.io/cluster names no Kafka in the rendering"));
            }
            int replicas = Integer.parseInt(String.valueOf(Yamls.get(topic.object(), "spec", "replicas")));
            Object isr = Yamls.get(topic.object(), "spec", "config", "min.insync.replicas");
            int minIsr = isr == null ? 1 : Integer.parseInt(String.valueOf(isr));
            if (Yamls.get(topic.object(), "spec", "partitions") == null) {
                v.add(new Violation(r.file(topic), "kafka-topics", topic.id() + ": partitions must be set"));
            }
            if (prod && (replicas != 3 || minIsr != 2)) {
                v.add(new Violation(r.file(topic), "kafka-topics", topic.id() + ": prod needs replicas 3 and min.insync.replicas 2, has "
                        + replicas + " and " + minIsr));
            }
            if (replicas > brokers || minIsr > replicas) {
                v.add(new Violation(r.file(topic), "kafka-topics", topic.id() + ": " + replicas + " replicas (min.insync.replicas "
                        + minIsr + ") on " + brokers + " broker(s) cannot work"));
            }
        }
        if (!declared.equals(expected)) {
            Set<String> missing = new TreeSet<>(expected);
            missing.removeAll(declared);
            Set<String> extra = new TreeSet<>(declared);
            extra.removeAll(expected);
            v.add(new Violation(r.name(), "kafka-topics", "KafkaTopics must be exactly the platform topics and DLQs of deploy/local/env.sh; missing "
                    + missing + ", unexpected " + extra));
        }
        platform.topicsNamedByServices().forEach((topic, service) -> {
            if (!declared.contains(topic)) {
                v.add(new Violation(r.name(), "kafka-topics", service + " uses topic " + topic + ", which has no KafkaTopic"));
            }
        });
        for (Resource kafka : r.ofKind("Kafka")) {
            Map<String, Object> config = Yamls.map(kafka.object(), "spec", "kafka", "config");
            if (!"false".equals(String.valueOf(config.get("auto.create.topics.enable")))) {
                v.add(new Violation(r.file(kafka), "kafka-topics", kafka.id() + ": auto.create.topics.enable must be false (topics are declared)"));
            }
            if (prod && (brokers < 3 || !"2".equals(String.valueOf(config.get("min.insync.replicas")))
                    || !"3".equals(String.valueOf(config.get("default.replication.factor"))))) {
                v.add(new Violation(r.file(kafka), "kafka-topics", kafka.id() + ": prod needs 3 brokers, default.replication.factor 3, min.insync.replicas 2"));
            }
        }
        return v;
    }

    /** high-availability (prod): every service 2+ replicas, a PDB, an HPA on CPU, pod anti-affinity; no devnet. */
    public static List<Violation> highAvailability(Rendering r, Platform platform) {
        List<Violation> v = new ArrayList<>();
        for (Platform.Service service : platform.services()) {
            Resource w = r.find("Deployment", service.name());
            if (w == null) {
                continue;
            }
            Object replicas = Yamls.get(w.object(), "spec", "replicas");
            if (replicas == null || Integer.parseInt(String.valueOf(replicas)) < 2) {
                v.add(new Violation(r.file(w), "high-availability", w.id() + ": prod needs replicas >= 2, has " + replicas));
            }
            Map<String, Object> labels = Rendering.podLabels(w);
            if (r.ofKind("PodDisruptionBudget").stream()
                    .noneMatch(p -> Rendering.selects(Yamls.map(p.object(), "spec", "selector"), labels))) {
                v.add(new Violation(r.file(w), "high-availability", w.id() + ": no PodDisruptionBudget selects its pods"));
            }
            boolean hpa = r.ofKind("HorizontalPodAutoscaler").stream().anyMatch(h ->
                    service.name().equals(Yamls.string(h.object(), "spec", "scaleTargetRef", "name"))
                    && Integer.parseInt(String.valueOf(Yamls.get(h.object(), "spec", "minReplicas"))) >= 2
                    && Yamls.maps(h.object(), "spec", "metrics").stream()
                            .anyMatch(m -> "cpu".equals(Yamls.string(m, "resource", "name"))));
            if (!hpa) {
                v.add(new Violation(r.file(w), "high-availability", w.id() + ": needs an HPA on CPU with minReplicas >= 2"));
            }
            if (Yamls.map(Rendering.podSpec(w), "affinity", "podAntiAffinity").isEmpty()) {
                v.add(new Violation(r.file(w), "high-availability", w.id() + ": needs podAntiAffinity"));
            }
        }
        for (Resource w : r.workloads()) {
            for (Map<String, Object> c : Rendering.containers(w)) {
                if (String.valueOf(c.get("image")).contains("iost-devnet")) {
                    v.add(new Violation(r.file(w), "high-availability", w.id() + ": the devnet must not run in prod"));
                }
            }
        }
        for (Resource cm : r.ofKind("ConfigMap")) {
            Yamls.map(cm.object(), "data").forEach((k, value) -> {
                if (String.valueOf(value).contains("iost-devnet")) {
                    v.add(new Violation(r.file(cm), "high-availability", cm.id() + ": " + k + " points at the devnet in prod"));
                }
            });
        }
        return v;
    }

    /** single-replicas (dev): one replica of every service. */
    public static List<Violation> singleReplicas(Rendering r, Platform platform) {
        List<Violation> v = new ArrayList<>();
        for (Platform.Service service : platform.services()) {
            Resource w = r.find("Deployment", service.name());
            if (w != null && !"1".equals(String.valueOf(Yamls.get(w.object(), "spec", "replicas")))) {
                v.add(new Violation(r.file(w), "single-replicas", w.id() + ": dev runs one replica"));
            }
        }
        return v;
    }
}
