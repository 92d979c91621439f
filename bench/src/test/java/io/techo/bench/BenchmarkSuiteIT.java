package io.techo.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.techo.testkit.ExternalOrContainerInfra;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * The whole suite in smoke mode against the real processes (the packaged services and devnet, the local MariaDB and
 * Kafka that deploy/local/test.sh starts): it keeps the benchmark working, it does not time anything.
 */
class BenchmarkSuiteIT {

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    @Test
    void aSmokeRunMeasuresEveryScenarioAndWritesTheReportWithValidPlots() throws Exception {
        assumeTrue(ExternalOrContainerInfra.usesLocalServices(), "needs the local MariaDB and Kafka (deploy/local/test.sh)");
        Path out = Path.of("target", "bench-it", "smoke-" + System.currentTimeMillis());

        SuiteResult run = BenchmarkSuite.run(SuiteOptions.parse("--smoke", "--out", out.toString(), "--db-suffix", "suite_it"));

        String report = Files.readString(out.resolve("report.md"));
        assertThat(report).contains("# Techo benchmark report", "## Verdict: DESIGN §10", "## Machine and settings",
                "## 1. Ingest through the gateway", "## 2. Raw limits", "## 3. POST → IRREVERSIBLE confirmation",
                "## 4. Consent-checked reads", "## 5. Resource use").doesNotContain("Not run");
        assertThat(run.plots()).contains("throughput.png", "ingest-steps.png", "latency-ingest-http.png", "latency-ingest-https.png",
                "latency-anchor.png", "latency-reads.png");
        for (String plot : run.plots()) {
            byte[] png = Files.readAllBytes(out.resolve(plot));
            assertThat(Arrays.copyOf(png, PNG_SIGNATURE.length)).as(plot).isEqualTo(PNG_SIGNATURE);
            assertThat(ImageIO.read(out.resolve(plot).toFile())).as(plot).isNotNull();
            assertThat(report).contains("(" + plot + ")");
        }

        for (String protocol : new String[] {"HTTP", "HTTPS"}) {
            assertThat(run.ingest().of(protocol).stream().mapToLong(s -> s.result().succeeded()).sum()).as("ingest over " + protocol).isPositive();
        }
        assertThat(run.raw().transactions()).as("raw JDBC transactions").isPositive();
        assertThat(run.raw().events()).as("raw Kafka events").isPositive();
        assertThat(run.anchor().confirmed()).as("records confirmed IRREVERSIBLE").isPositive();
        assertThat(run.anchor().chainTxs()).as("anchor transactions").isPositive();
        assertThat(run.reads().reads().succeeded()).as("consent-checked reads").isPositive();
        assertThat(run.resources()).extracting(ResourceSampler.Usage::name)
                .contains("gateway", "record-service", "consent-service", "anchor-service", "iost-devnet", "mariadb", "kafka");
        assertThat(run.resources()).allSatisfy(usage -> assertThat(usage.peakRssKiB()).as(usage.name()).isPositive());
    }
}
