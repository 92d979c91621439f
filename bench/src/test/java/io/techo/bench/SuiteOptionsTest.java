package io.techo.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class SuiteOptionsTest {

    @Test
    void theDefaultsRunEveryScenarioAtTheBarsRates() {
        SuiteOptions options = SuiteOptions.parse();
        assertThat(options.scenarios()).containsExactly(SuiteOptions.Scenario.values());
        assertThat(options.anchorRate()).isEqualTo(1000);
        assertThat(options.readRate()).isEqualTo(1000);
        assertThat(options.checkpointInterval()).isEqualTo(Duration.ofSeconds(1));
        assertThat(options.patients()).isGreaterThanOrEqualTo(50);
        assertThat(options.clinicians()).isGreaterThanOrEqualTo(20);
    }

    @Test
    void smokeIsShortAndExplicitOptionsWinOverIt() {
        SuiteOptions options = SuiteOptions.parse("--smoke", "--read-rate=50", "--scenarios", "reads,raw");
        assertThat(options.smoke()).isTrue();
        assertThat(options.readRate()).isEqualTo(50);
        assertThat(options.ingestStep()).isLessThanOrEqualTo(Duration.ofSeconds(5));
        assertThat(options.scenarios()).containsExactly(SuiteOptions.Scenario.RAW, SuiteOptions.Scenario.READS);
        assertThat(options.stackWarmup()).isZero();
        assertThat(options.readProbeRates()).isEmpty();
        assertThat(SuiteOptions.parse("--ingest-rates", "10, 20").ingestRates()).isEqualTo(List.of(10, 20));
    }

    @Test
    void unknownOrMalformedOptionsAreRefusedWithTheUsage() {
        assertThatThrownBy(() -> SuiteOptions.parse("--rate", "5")).hasMessageContaining("unknown option").hasMessageContaining("usage:");
        assertThatThrownBy(() -> SuiteOptions.parse("--read-rate", "-1")).hasMessageContaining("positive whole number");
        assertThatThrownBy(() -> SuiteOptions.parse("--stack-warmup-seconds", "-5")).hasMessageContaining("0 or more");
        assertThatThrownBy(() -> SuiteOptions.parse("--scenarios", "everything")).hasMessageContaining("unknown scenario");
        assertThatThrownBy(() -> SuiteOptions.parse("stray")).hasMessageContaining("unexpected argument");
    }
}
