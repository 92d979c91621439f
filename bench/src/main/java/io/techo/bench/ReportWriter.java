package io.techo.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** Writes the run's report.md (and the latency distributions as .hgrm files) into its directory. */
final class ReportWriter {

    private final List<String> lines = new ArrayList<>();

    private ReportWriter() {
    }

    static Path write(SuiteResult run) throws IOException {
        ReportWriter report = new ReportWriter();
        report.header(run);
        report.verdict(run);
        report.machine(run);
        report.ingest(run);
        report.raw(run);
        report.anchor(run);
        report.reads(run);
        report.resources(run);
        report.reading();
        Path file = run.options().out().resolve("report.md");
        Files.writeString(file, String.join("\n", report.lines) + "\n");
        writeDistributions(run);
        return file;
    }

    private void header(SuiteResult run) {
        add("# Techo benchmark report");
        add("");
        add("Run %s (UTC), %s, took %d min %02d s. Every figure of Techo sits next to a raw limit measured in the same run on the same "
                + "machine, so the ratios hold even when absolute numbers drift.", run.started(), run.options().smoke()
                ? "**smoke run** (a few seconds per scenario at low rates: it proves the suite works, not the bar)" : "full run",
                run.took().toMinutes(), run.took().toSecondsPart());
        add("");
    }

    private void verdict(SuiteResult run) {
        add("## Verdict: DESIGN §10");
        add("");
        add("| bar | measured | verdict |");
        add("|---|---|---|");
        for (Bars.Bar bar : Bars.check(run)) {
            add("| %s | %s | %s |", bar.requirement(), bar.measured(), bar.verdict());
        }
        add("");
        add("![throughput per scenario](throughput.png)");
        add("");
    }

    private void machine(SuiteResult run) {
        MachineInfo m = run.machine();
        SuiteOptions o = run.options();
        add("## Machine and settings");
        add("");
        add("| | |");
        add("|---|---|");
        add("| cores | %d (%s) |", m.cores(), m.cpuModel());
        add("| memory | %s |", m.memory());
        add("| kernel | %s |", m.kernel());
        add("| load average (1/5/15 min) | at start %s, at end %s — on %d cores; other work on the machine shows here |",
                m.loadAtStart(), run.loadAtEnd(), m.cores());
        add("| Java | %s |", m.javaVersion());
        add("| Kafka | %s |", m.kafka());
        add("| MariaDB | %s |", m.mariadb());
        add("| scenarios | %s |", o.scenarios().stream().map(s -> s.option).toList());
        add("| stack warm-up before all scenarios (JIT; records over HTTP, then HTTPS; excluded) | %d s at %d records/s |",
                o.stackWarmup().toSeconds(), o.stackWarmupRate());
        add("| warm-up before each measurement (excluded) | %d s |", o.warmup().toSeconds());
        add("| ingest steps | %s records/s, %d s each, HTTP then HTTPS |", o.ingestRates(), o.ingestStep().toSeconds());
        add("| POST → IRREVERSIBLE | %d records/s for %d s; checkpoint interval T = %d ms; devnet 500 ms blocks, irreversibility lag 0 |",
                o.anchorRate(), o.anchorMeasure().toSeconds(), o.checkpointInterval().toMillis());
        add("| consent-checked reads | %d reads/s for %d s |", o.readRate(), o.readMeasure().toSeconds());
        add("| raw limits | %d s each |", o.rawMeasure().toSeconds());
        add("| concurrency | %d keep-alive connections to the gateway per scenario; %d JDBC connections for the raw insert |",
                o.concurrency(), o.concurrency());
        add("| people | %d patients, %d clinicians, registered and logged in through the gateway |", o.patients(), o.clinicians());
        add("| payload | 4,096-byte AES-256-GCM ciphertext per record, owner's HPKE key envelope, Ed25519-signed header — sealed before each measurement |");
        add("| processes | gateway, record-service, consent-service, anchor-service (each `-Xmx256m`), IOST devnet; MariaDB and Kafka shared with the machine |");
        add("| gateway | HTTP and HTTPS (self-signed certificate of this run), per-run Ed25519 token key; rate limits raised out of the way |");
        add("");
        add("Load is open-loop at a constant arrival rate: each latency runs from the request's *scheduled* start, so a stalled "
                + "system cannot slow the load down and hide its queueing (no coordinated omission). Latencies are HdrHistograms.");
        add("");
    }

    private void ingest(SuiteResult run) {
        add("## 1. Ingest through the gateway");
        add("");
        IngestScenario.Result ingest = run.ingest();
        if (ingest == null) {
            notRun();
            return;
        }
        add("POST /api/v1/records through the gateway with patients' gateway tokens, at increasing rates until a step's p99 exceeds "
                + "%.0f ms or a request fails. %d keep-alive connections.", IngestScenario.P99_LIMIT_MS, ingest.connections());
        add("");
        add("| protocol | offered/s | succeeded/s | failed | p50 ms | p99 ms | p99.9 ms | max ms | clean |");
        add("|---|---|---|---|---|---|---|---|---|");
        for (IngestScenario.Step step : ingest.steps()) {
            OpenLoop.Result r = step.result();
            add("| %s | %d | %.1f | %d | %.2f | %.2f | %.2f | %.2f | %s |", step.protocol(), r.rate(), r.succeededPerSecond(), r.failed(),
                    r.latencies().ms(50), r.latencies().ms(99), r.latencies().ms(99.9), r.latencies().maxMs(), step.clean() ? "yes" : "no");
        }
        add("");
        for (String protocol : List.of("HTTP", "HTTPS")) {
            add("- Sustainable over %s: %s", protocol, ingest.sustainable(protocol)
                    .map(s -> String.format(Locale.ROOT, "**%.0f records/s** (the %d/s step)", s.result().succeededPerSecond(), s.result().rate()))
                    .orElseGet(() -> "no clean step" + ingest.of(protocol).stream()
                            .max(Comparator.comparingDouble(s -> s.result().succeededPerSecond()))
                            .map(s -> String.format(Locale.ROOT, " (the most that succeeded: %.0f records/s, offered %d/s)",
                                    s.result().succeededPerSecond(), s.result().rate()))
                            .orElse("")));
        }
        add("");
        add("![ingest p99 per offered rate](ingest-steps.png)");
        add("![ingest over HTTP, latency over time](latency-ingest-http.png)");
        add("![ingest over HTTPS, latency over time](latency-ingest-https.png)");
        add("");
    }

    private void raw(SuiteResult run) {
        add("## 2. Raw limits");
        add("");
        RawLimitsScenario.Result raw = run.raw();
        if (raw == null) {
            notRun();
            return;
        }
        add("The record row and `techo.record.stored` outbox row record-service writes per record, inserted straight into MariaDB "
                + "over JDBC, one transaction per record, %d connections inserting as fast as they can, into a copy of "
                + "record-service's tables (record-service itself also writes the owner's key envelope row and checks the signature). "
                + "And one Kafka producer configured as the outbox relays (acks=all, idempotent, linger 5 ms) sending the same events.",
                raw.concurrency());
        add("");
        add("| raw limit | measured | per second |");
        add("|---|---|---|");
        add("| record + outbox insert, one transaction each, %d connections | %d tx in %d s | **%.0f tx/s** |", raw.concurrency(),
                raw.transactions(), raw.measured().toSeconds(), raw.transactionsPerSecond());
        add("| Kafka producer, acks=all, idempotent | %d events in %d s | **%.0f events/s** |", raw.events(), raw.measured().toSeconds(),
                raw.eventsPerSecond());
        add("");
        if (run.ingest() != null) {
            for (String protocol : List.of("HTTP", "HTTPS")) {
                double ingest = run.ingest().sustainable(protocol).map(s -> s.result().succeededPerSecond()).orElse(0.0);
                add("- Techo ingest over %s: %.0f records/s = **%.0f %%** of the raw insert rate.", protocol, ingest,
                        100 * ingest / raw.transactionsPerSecond());
            }
            add("");
        }
    }

    private void anchor(SuiteResult run) {
        add("## 3. POST → IRREVERSIBLE confirmation");
        add("");
        AnchorScenario.Result a = run.anchor();
        if (a == null) {
            notRun();
            return;
        }
        add("Records posted through the gateway (HTTP) at %d/s; the latency runs from each POST's scheduled start until a subscriber "
                + "of `techo.anchors.v1` receives its `techo.anchor.confirmed` (matched by record id, this run's log origin only): "
                + "gateway → record-service → outbox → Kafka → anchor-service log → checkpoint (T = %d ms) → IOST devnet tx → "
                + "IRREVERSIBLE → confirmation through anchor-service's outbox.", a.posts().rate(), a.checkpointInterval().toMillis());
        add("");
        add("| metric | value |");
        add("|---|---|");
        add("| records posted in the measured window (201) | %d of %d sent |", a.expected(), a.posts().sent());
        add("| POST latency p50 / p99 / p99.9 | %.1f / %.1f / %.1f ms |", a.posts().latencies().ms(50), a.posts().latencies().ms(99),
                a.posts().latencies().ms(99.9));
        add("| confirmed IRREVERSIBLE | %d |", a.confirmed());
        add("| POST → IRREVERSIBLE p50 | %.0f ms |", a.confirmations().ms(50));
        add("| POST → IRREVERSIBLE p90 | %.0f ms |", a.confirmations().ms(90));
        add("| POST → IRREVERSIBLE p99 | **%.0f ms** |", a.confirmations().ms(99));
        add("| POST → IRREVERSIBLE p99.9 / max | %.0f / %.0f ms |", a.confirmations().ms(99.9), a.confirmations().maxMs());
        add("| anchor transactions in the window's %d blocks | %d |", a.blocks(), a.chainTxs());
        add("| chain transactions per 1,000 records | **%.2f** |", a.chainTxsPer1000());
        add("");
        add("![POST to IRREVERSIBLE, latency over time](latency-anchor.png)");
        add("");
    }

    private void reads(SuiteResult run) {
        add("## 4. Consent-checked reads");
        add("");
        ConsentedReadScenario.Result reads = run.reads();
        if (reads == null) {
            notRun();
            return;
        }
        OpenLoop.Result r = reads.reads();
        add("Clinicians read records they were granted (TREAT, category `vitals`) through the gateway (HTTP) at %d reads/s over %d "
                + "(clinician, record) pairs. Every read: gateway → record-service → consent-service decision → access-log row and "
                + "outbox event → 4 KiB ciphertext and the reader's envelope.", r.rate(), reads.readablePairs());
        add("");
        add("| metric | value |");
        add("|---|---|");
        add("| reads sent (measured window) | %d |", r.sent());
        add("| failed | %d |", r.failed());
        add("| succeeded/s | %.1f |", r.succeededPerSecond());
        add("| p50 / p90 | %.2f / %.2f ms |", r.latencies().ms(50), r.latencies().ms(90));
        add("| p99 | **%.2f ms** |", r.latencies().ms(99));
        add("| p99.9 / max | %.2f / %.2f ms |", r.latencies().ms(99.9), r.latencies().maxMs());
        add("");
        if (!reads.probes().isEmpty()) {
            add("Lower rates measured first (each %d s after its warm-up, stopping at the first that missed p99 ≤ 20 ms):",
                    reads.probes().get(0).measured().toSeconds());
            add("");
            add("| offered/s | succeeded/s | failed | p50 ms | p99 ms | p99.9 ms | p99 ≤ 20 ms |");
            add("|---|---|---|---|---|---|---|");
            for (OpenLoop.Result probe : reads.probes()) {
                add("| %d | %.1f | %d | %.2f | %.2f | %.2f | %s |", probe.rate(), probe.succeededPerSecond(), probe.failed(),
                        probe.latencies().ms(50), probe.latencies().ms(99), probe.latencies().ms(99.9),
                        ConsentedReadScenario.clean(probe) ? "yes" : "no");
            }
            add("");
            add("- Highest rate with p99 ≤ 20 ms and no failure: %s", reads.sustainable()
                    .map(s -> String.format(Locale.ROOT, "**%d reads/s**", s.rate())).orElse("none"));
            add("");
        }
        add("![consent-checked reads, latency over time](latency-reads.png)");
        add("");
    }

    private void resources(SuiteResult run) {
        add("## 5. Resource use");
        add("");
        add("From /proc once a second, from the moment the stack was up to the end of the last scenario. Peak RSS is the highest "
                + "sample (for the stack's own processes also the kernel's high-water mark, VmHWM); CPU seconds are user + system time "
                + "used in that span. MariaDB and Kafka are shared with whatever else runs on the machine.");
        add("");
        add("| process | pid | peak RSS | CPU seconds |");
        add("|---|---|---|---|");
        for (ResourceSampler.Usage u : run.resources()) {
            add("| %s | %d | %.0f MiB | %.1f |", u.name(), u.pid(), u.peakRssKiB() / 1024.0, u.cpuSeconds());
        }
        add("");
        cpuPerOperation(run.cpuPerOperation());
    }

    /** Where each operation's CPU goes: the evidence for what limits a rate on a machine of two cores. */
    private void cpuPerOperation(List<ResourceSampler.CpuPerOperation> windows) {
        if (windows.isEmpty()) {
            return;
        }
        List<String> processes = windows.get(0).millisecondsByProcess().keySet().stream().toList();
        add("### CPU per operation");
        add("");
        add("CPU milliseconds each process spent per successful operation in each measured window (its background work in "
                + "that window included: outbox relays, consumers, anchoring). Two cores give 2,000 CPU ms per second, so a "
                + "rate of *R*/s fits only while the total stays below 2,000 / *R* ms (1 ms at 2,000/s, 2 ms at 1,000/s).");
        add("");
        add("| window | operations | " + String.join(" | ", processes) + " | total |");
        add("|---|---|" + "---|".repeat(processes.size()) + "---|");
        for (ResourceSampler.CpuPerOperation window : windows) {
            StringBuilder row = new StringBuilder("| " + window.window() + " | " + window.operations() + " |");
            for (String process : processes) {
                row.append(String.format(Locale.ROOT, " %.2f |", window.millisecondsByProcess().getOrDefault(process, 0.0)));
            }
            row.append(String.format(Locale.ROOT, " **%.2f** |", window.totalMilliseconds()));
            add(row.toString());
        }
        add("");
    }

    private void reading() {
        add("## How to read this report");
        add("");
        add("- **p50 / p99 / p99.9**: half, 99 % and 99.9 % of the measured requests finished within this time, counted from "
                + "when each request was *due*, not when it was sent.");
        add("- **succeeded/s** below the offered rate, or failures, mean the system did not keep up with that step.");
        add("- The latency plots show each second's percentiles: a rising line is a queue building up.");
        add("- `*.hgrm` files hold the full distributions (HdrHistogram percentile output, values in ms).");
        add("- Service logs of the run: `bench/target/<service>.log`.");
    }

    private void notRun() {
        add("Not run (not selected with --scenarios).");
        add("");
    }

    private void add(String format, Object... arguments) {
        lines.add(arguments.length == 0 ? format : String.format(Locale.ROOT, format, arguments));
    }

    private static void writeDistributions(SuiteResult run) throws IOException {
        Path out = run.options().out();
        if (run.ingest() != null) {
            for (IngestScenario.Step step : run.ingest().steps()) {
                hgrm(out.resolve("ingest-" + step.protocol().toLowerCase(Locale.ROOT) + "-" + step.result().rate() + ".hgrm"),
                        step.result().latencies());
            }
        }
        if (run.anchor() != null) {
            hgrm(out.resolve("anchor-confirmations.hgrm"), run.anchor().confirmations());
        }
        if (run.reads() != null) {
            hgrm(out.resolve("reads.hgrm"), run.reads().reads().latencies());
        }
    }

    private static void hgrm(Path file, LatencyRecorder.Latencies latencies) throws IOException {
        try (PrintStream out = new PrintStream(Files.newOutputStream(file))) {
            latencies.total().outputPercentileDistribution(out, 1000.0);
        }
    }
}
