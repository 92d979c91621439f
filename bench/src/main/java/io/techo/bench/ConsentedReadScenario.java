package io.techo.bench;

import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * Scenario 4: clinicians read records they were granted, through the gateway, at a constant rate. Every read is
 * consent-checked and logged (see {@link ReadFixture}).
 */
final class ConsentedReadScenario {

    static final int RECORDS_PER_PATIENT = 2;

    record Result(int readablePairs, OpenLoop.Result reads) {
    }

    private ConsentedReadScenario() {
    }

    static Result run(BenchStack stack, Population population, int rate, Duration warmup, Duration measure, int connections) {
        List<ReadFixture.Read> reads = ReadFixture.create(stack.gatewayHttp(), population, RECORDS_PER_PATIENT);
        Console.say("reads: %d readable (clinician, record) pairs; reading at %d/s", reads.size(), rate);
        try (HttpLoad http = new HttpLoad(URI.create(stack.gatewayHttp()), connections)) {
            OpenLoop.Result result = OpenLoop.run(rate, warmup, measure, shot -> {
                ReadFixture.Read read = reads.get((int) (shot.index() % reads.size()));
                return http.get("/api/v1/records/" + read.recordId() + "?purpose=TREAT", read.clinicianToken(), 200);
            });
            Console.step("reads", result);
            return new Result(reads.size(), result);
        }
    }
}
