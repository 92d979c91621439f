package io.techo.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The benchmark suite (issue 8): starts the stack, registers the people, runs the selected scenarios, samples every
 * process's resources, and writes {@code report.md} with its plots. Run it with {@code bench/run.sh}, which first
 * builds what is missing and starts MariaDB and Kafka; the working directory must be {@code bench/}.
 */
public final class BenchmarkSuite {

    private BenchmarkSuite() {
    }

    public static void main(String[] args) throws IOException {
        SuiteOptions options;
        try {
            options = SuiteOptions.parse(args);
        } catch (IllegalArgumentException e) {
            boolean help = SuiteOptions.USAGE.equals(e.getMessage());
            (help ? System.out : System.err).print(e.getMessage());
            System.exit(help ? 0 : 2);
            return;
        }
        try {
            SuiteResult result = run(options);
            Console.say("report: %s", result.report().toAbsolutePath().normalize());
            System.exit(0);
        } catch (RuntimeException | IOException e) {
            e.printStackTrace();
            System.err.println("[bench] the run failed: " + e.getMessage() + " (service logs: bench/target/*.log)");
            System.exit(1);
        }
    }

    static SuiteResult run(SuiteOptions options) throws IOException {
        System.setProperty("java.awt.headless", "true");
        Instant started = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Path out = options.out();
        Files.createDirectories(out);
        DatabaseServer database = DatabaseServer.fromEnvironment();
        MachineInfo machine = MachineInfo.collect(database);
        BenchStack.Settings settings = new BenchStack.Settings(options.runId(), options.databaseSuffix(), options.checkpointInterval(),
                options.kafkaBootstrap(), database, Path.of("target", "suite-" + options.runId()), options.flightRecordings() ? out : null,
                options.cpuProfiles() ? out : null);
        Console.say("starting the stack (devnet, consent-service, record-service, anchor-service, gateway) ...");
        try (BenchStack stack = BenchStack.start(settings)) {
            Console.say("stack up in %d s; gateway %s and %s", Duration.between(started, Instant.now()).toSeconds(), stack.gatewayHttp(),
                    stack.gatewayHttps());
            ResourceSampler sampler = new ResourceSampler(stack.pids());
            Population population = Population.register(stack.gatewayHttp(), stack.operator(), options.patients(), options.clinicians());
            Console.say("registered and logged in %d patients and %d clinicians through the gateway", population.patients().size(),
                    population.clinicians().size());
            StackWarmup.run(stack, population, options.stackWarmupRate(), options.stackWarmup(), options.concurrency(),
                    options.runs(SuiteOptions.Scenario.READS));
            IngestScenario.Result ingest = options.runs(SuiteOptions.Scenario.INGEST)
                    ? IngestScenario.run(stack, population, options.ingestRates(), options.warmup(), options.ingestStep(), options.concurrency(),
                            sampler)
                    : null;
            RawLimitsScenario.Result raw = options.runs(SuiteOptions.Scenario.RAW)
                    ? RawLimitsScenario.run(stack, options.concurrency(), options.warmup(), options.rawMeasure())
                    : null;
            AnchorScenario.Result anchor = options.runs(SuiteOptions.Scenario.ANCHOR)
                    ? AnchorScenario.run(stack, population, options.anchorRate(), options.warmup(), options.anchorMeasure(),
                            options.confirmWait(), options.concurrency(), sampler)
                    : null;
            ConsentedReadScenario.Result reads = options.runs(SuiteOptions.Scenario.READS)
                    ? ConsentedReadScenario.run(stack, population, options.readProbeRates(), options.readProbeStep(), options.readRate(),
                            options.warmup(), options.readMeasure(),
                            options.concurrency(), sampler)
                    : null;
            List<ResourceSampler.Usage> resources = sampler.stop();
            List<String> plots = plot(out, ingest, raw, anchor, reads);
            SuiteResult result = new SuiteResult(options, machine, MachineInfo.loadAverage(), started, Duration.between(started, Instant.now()),
                    ingest, raw, anchor, reads, resources, sampler.cpuPerOperation(), out.resolve("report.md"), plots);
            ReportWriter.write(result);
            for (Bars.Bar bar : Bars.check(result)) {
                Console.say("%-11s %s: %s", bar.verdict().replace("*", ""), bar.requirement(), bar.measured());
            }
            return result;
        }
    }

    private static List<String> plot(Path out, IngestScenario.Result ingest, RawLimitsScenario.Result raw, AnchorScenario.Result anchor,
            ConsentedReadScenario.Result reads) {
        Plots plots = new Plots(out);
        List<String> labels = new ArrayList<>();
        List<Double> perSecond = new ArrayList<>();
        if (ingest != null) {
            for (String protocol : List.of("HTTP", "HTTPS")) {
                List<LatencyRecorder.Interval> timeline = new ArrayList<>();
                ingest.of(protocol).forEach(step -> timeline.addAll(step.result().latencies().timeline()));
                plots.latencyOverTime("latency-ingest-" + protocol.toLowerCase() + ".png",
                        "Ingest over " + protocol + " (steps " + ingest.of(protocol).stream().map(s -> s.result().rate()).toList() + " records/s)",
                        timeline);
                ingest.of(protocol).stream().max(java.util.Comparator.comparingDouble(s -> s.result().succeededPerSecond())).ifPresent(step -> {
                    labels.add("ingest " + protocol + " (best step, " + step.result().rate() + "/s offered)");
                    perSecond.add(step.result().succeededPerSecond());
                });
            }
            plots.ingestSteps("ingest-steps.png", ingest);
        }
        if (raw != null) {
            labels.add("raw JDBC record+outbox tx");
            perSecond.add(raw.transactionsPerSecond());
            labels.add("raw Kafka producer events");
            perSecond.add(raw.eventsPerSecond());
        }
        if (anchor != null) {
            plots.latencyOverTime("latency-anchor.png", "POST → IRREVERSIBLE at " + anchor.posts().rate() + " records/s",
                    anchor.confirmations().timeline());
            labels.add("anchor: confirmed at " + anchor.posts().rate() + "/s");
            perSecond.add(anchor.confirmed() / (double) anchor.posts().measured().toSeconds());
        }
        if (reads != null) {
            plots.latencyOverTime("latency-reads.png", "Consent-checked reads at " + reads.reads().rate() + " reads/s",
                    reads.reads().latencies().timeline());
            labels.add("reads at " + reads.reads().rate() + "/s");
            perSecond.add(reads.reads().succeededPerSecond());
        }
        if (labels.isEmpty()) {
            labels.add("nothing measured");
            perSecond.add(0.0);
        }
        plots.throughput("throughput.png", labels, perSecond);
        return plots.written();
    }
}
