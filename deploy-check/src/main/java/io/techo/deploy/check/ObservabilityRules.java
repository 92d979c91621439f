package io.techo.deploy.check;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The dashboard and the alert rules: they parse, show and alert on what issue 7 asks for, and every techo_* metric
 * they use is registered by the code.
 */
public final class ObservabilityRules {

    static final List<String> REQUIRED_PANELS = List.of("ingest", "outbox lag", "anchoring latency", "chain errors",
            "decision denials", "4xx", "5xx");
    static final List<String> REQUIRED_ALERTS = List.of("TechoOutboxLag", "TechoAnchoringStalled", "TechoChainErrors",
            "TechoChainBalanceLow", "TechoDlqGrowing");

    private static final Pattern METRIC = Pattern.compile("\\btecho_[a-z0-9_]+");
    private static final Pattern REGISTERED = Pattern.compile(
            "(counter|gauge|timer|summary|Counter\\.builder|Gauge\\.builder|Timer\\.builder|DistributionSummary\\.builder)"
                    + "\\(\\s*\"(techo\\.[a-z0-9.]+)\"");
    private static final Pattern HEADING = Pattern.compile("^#+\\s+(.+)$", Pattern.MULTILINE);

    private ObservabilityRules() {
    }

    public static List<Violation> check(Path dashboard, Path alerts, Path prometheusRule, Platform platform) {
        List<Violation> v = new ArrayList<>();
        Path root = platform.root();
        Set<String> exported = exportedMetrics(root);
        String dashboardFile = rel(root, dashboard);
        JsonNode json;
        try {
            json = new ObjectMapper().readTree(dashboard.toFile());
        } catch (IOException e) {
            throw new DeployCheckException(dashboardFile + ": not valid JSON: " + e.getMessage(), e);
        }
        List<String> titles = new ArrayList<>();
        for (JsonNode panel : json.path("panels")) {
            titles.add(panel.path("title").asText().toLowerCase(Locale.ROOT));
            if (panel.path("targets").isEmpty()) {
                v.add(new Violation(dashboardFile, "observability", "panel '" + panel.path("title").asText() + "' has no query"));
            }
            for (JsonNode target : panel.path("targets")) {
                v.addAll(metricsKnown(dashboardFile, "panel '" + panel.path("title").asText() + "'",
                        target.path("expr").asText(), exported));
            }
        }
        for (String required : REQUIRED_PANELS) {
            if (titles.stream().noneMatch(t -> t.contains(required))) {
                v.add(new Violation(dashboardFile, "observability", "no panel shows " + required));
            }
        }
        String alertsFile = rel(root, alerts);
        Map<String, Object> rules = Yamls.loadOne(alerts);
        Set<String> names = new TreeSet<>();
        String operations = platform.read("docs/operations.md");
        Set<String> anchors = new TreeSet<>();
        Matcher heading = HEADING.matcher(operations);
        while (heading.find()) {
            anchors.add(heading.group(1).trim().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9 -]", "").replace(' ', '-'));
        }
        for (Map<String, Object> group : Yamls.maps(rules, "groups")) {
            for (Map<String, Object> rule : Yamls.maps(group, "rules")) {
                String alert = Yamls.string(rule, "alert");
                names.add(alert);
                String where = "alert " + alert;
                if (alert == null || Yamls.string(rule, "expr") == null || Yamls.string(rule, "for") == null) {
                    v.add(new Violation(alertsFile, "observability", where + ": needs alert, expr and for"));
                    continue;
                }
                if (!Set.of("warning", "critical").contains(Yamls.string(rule, "labels", "severity"))) {
                    v.add(new Violation(alertsFile, "observability", where + ": labels.severity must be warning or critical"));
                }
                String runbook = String.valueOf(Yamls.string(rule, "annotations", "runbook_url"));
                if (Yamls.string(rule, "annotations", "summary") == null || !runbook.startsWith("docs/operations.md#")
                        || !anchors.contains(runbook.substring(runbook.indexOf('#') + 1))) {
                    v.add(new Violation(alertsFile, "observability", where + ": needs a summary and a runbook_url"
                            + " docs/operations.md#<a heading of that file>, has " + runbook));
                }
                v.addAll(metricsKnown(alertsFile, where, Yamls.string(rule, "expr"), exported));
            }
        }
        for (String required : REQUIRED_ALERTS) {
            if (!names.contains(required)) {
                v.add(new Violation(alertsFile, "observability", "alert " + required + " is missing"));
            }
        }
        Object operatorGroups = Yamls.get(Yamls.loadOne(prometheusRule), "spec", "groups");
        if (!rules.get("groups").equals(operatorGroups)) {
            v.add(new Violation(rel(root, prometheusRule), "observability", "spec.groups differ from " + alertsFile
                    + "; copy the groups over"));
        }
        return v;
    }

    /** The compose Prometheus scrapes every service at NAME:PORT/q/metrics with job NAME, as k8s does. */
    public static List<Violation> scrapeConfig(Path prometheusConfig, Platform platform) {
        List<Violation> v = new ArrayList<>();
        String file = rel(platform.root(), prometheusConfig);
        List<Map<String, Object>> jobs = Yamls.maps(Yamls.loadOne(prometheusConfig), "scrape_configs");
        for (Platform.Service service : platform.services()) {
            String target = service.name() + ":" + service.httpPort();
            boolean scraped = jobs.stream().anyMatch(job -> service.name().equals(job.get("job_name"))
                    && "/q/metrics".equals(job.get("metrics_path"))
                    && Yamls.maps(job, "static_configs").stream().anyMatch(c -> Yamls.list(c, "targets").contains(target)));
            if (!scraped) {
                v.add(new Violation(file, "observability", "no job " + service.name() + " scraping " + target + "/q/metrics"));
            }
        }
        return v;
    }

    private static List<Violation> metricsKnown(String file, String where, String expr, Set<String> exported) {
        List<Violation> v = new ArrayList<>();
        Matcher m = METRIC.matcher(expr);
        while (m.find()) {
            String metric = m.group();
            String base = metric.replaceAll("_(bucket|count|sum|max)$", "");
            if (!exported.contains(metric) && !exported.contains(base)) {
                v.add(new Violation(file, "observability", where + " uses " + metric + ", which no service exports"));
            }
        }
        return v;
    }

    /**
     * Prometheus names of the techo.* meters the main code registers: counters get _total, timers
     * _seconds (and _seconds_bucket/_count/_sum/_max), gauges keep their name.
     */
    static Set<String> exportedMetrics(Path root) {
        Set<String> metrics = new TreeSet<>();
        List<Path> sourceRoots = new ArrayList<>();
        try (Stream<Path> modules = Files.list(root)) {
            for (Path module : modules.filter(Files::isDirectory).toList()) {
                sourceRoots.add(module.resolve("src/main/java"));
                if (Files.isRegularFile(module.resolve("pom.xml"))) {
                    try (Stream<Path> nested = Files.list(module)) {
                        nested.filter(Files::isDirectory).forEach(n -> sourceRoots.add(n.resolve("src/main/java")));
                    }
                }
            }
            for (Path sources : sourceRoots) {
                if (!Files.isDirectory(sources)) {
                    continue;
                }
                try (Stream<Path> files = Files.walk(sources)) {
                    for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                        Matcher m = REGISTERED.matcher(Files.readString(file, StandardCharsets.UTF_8));
                        while (m.find()) {
                            String name = m.group(2).replace('.', '_');
                            String kind = m.group(1).toLowerCase(Locale.ROOT);
                            if (kind.startsWith("counter")) {
                                metrics.add(name + "_total");
                            } else if (kind.startsWith("timer")) {
                                metrics.add(name + "_seconds");
                            } else {
                                metrics.add(name);
                            }
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return metrics;
    }

    private static String rel(Path root, Path file) {
        return root.toAbsolutePath().normalize().relativize(file.toAbsolutePath().normalize()).toString();
    }
}
