package io.techo.bench;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Scenario 4: clinicians read records they were granted, through the gateway, at a constant rate. Every read is
 * consent-checked and logged (see {@link ReadFixture}).
 */
final class ConsentedReadScenario {

    static final int RECORDS_PER_PATIENT = 2;

    static final double P99_LIMIT_MS = 20.0;

    /**
     * @param probes the lower rates measured first, in order, up to the first that missed the p99 limit
     * @param reads the measurement at the bar's rate
     */
    record Result(int readablePairs, List<OpenLoop.Result> probes, OpenLoop.Result reads) {

        /** The highest rate (probe or bar rate) whose reads all succeeded within the p99 limit, if any. */
        Optional<OpenLoop.Result> sustainable() {
            return Stream.concat(probes.stream(), Stream.of(reads)).filter(ConsentedReadScenario::clean)
                    .reduce((a, b) -> b.rate() > a.rate() ? b : a);
        }
    }

    static boolean clean(OpenLoop.Result result) {
        return result.failed() == 0 && result.succeeded() > 0 && result.latencies().ms(99) <= P99_LIMIT_MS;
    }

    private ConsentedReadScenario() {
    }

    static Result run(BenchStack stack, Population population, List<Integer> probeRates, Duration probeStep, int rate, Duration warmup,
            Duration measure, int connections, ResourceSampler sampler) {
        List<ReadFixture.Read> reads = ReadFixture.create(stack.gatewayHttp(), population, RECORDS_PER_PATIENT);
        Console.say("reads: %d readable (clinician, record) pairs; reading at %d/s", reads.size(), rate);
        try (HttpLoad http = new HttpLoad(URI.create(stack.gatewayHttp()), connections)) {
            List<OpenLoop.Result> probes = new ArrayList<>();
            for (int probeRate : probeRates) {
                OpenLoop.Result probe = read(http, reads, probeRate, warmup, probeStep, sampler);
                probes.add(probe);
                if (!clean(probe)) {
                    break;
                }
            }
            return new Result(reads.size(), probes, read(http, reads, rate, warmup, measure, sampler));
        }
    }

    private static OpenLoop.Result read(HttpLoad http, List<ReadFixture.Read> reads, int rate, Duration warmup, Duration measure,
            ResourceSampler sampler) {
        OpenLoop.Result result = OpenLoop.run(rate, warmup, measure, sampler.window("reads " + rate + "/s"), shot -> {
            return reads.get((int) (shot.index() % reads.size())).send(http);
        });
        Console.step("reads", result);
        return result;
    }
}
