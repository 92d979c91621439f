package io.techo.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Everything one run measured; a scenario that was not selected is null. */
record SuiteResult(SuiteOptions options, MachineInfo machine, String loadAtEnd, Instant started, Duration took,
        IngestScenario.Result ingest, RawLimitsScenario.Result raw, AnchorScenario.Result anchor, ConsentedReadScenario.Result reads,
        List<ResourceSampler.Usage> resources, List<ResourceSampler.CpuPerOperation> cpuPerOperation, Path report, List<String> plots) {
}
