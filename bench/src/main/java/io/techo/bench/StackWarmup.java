package io.techo.bench;

import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * Before any measurement, the whole stack is driven for a while so the JIT compilers have done their work: on two
 * cores, compiling the gateway's and the services' hot paths takes a large share of the CPU for the first minute
 * (a third to a half of each service's samples in a CPU profile of a short run), and a scenario that ran first would
 * pay for it. Records are posted over HTTP and HTTPS at a moderate rate, then, if reads are measured later,
 * clinicians read records of their own warm-up fixture for as long again; nothing is recorded.
 */
final class StackWarmup {

    private StackWarmup() {
    }

    static void run(BenchStack stack, Population population, int ratePerSecond, Duration duration, int connections, boolean reads) {
        if (duration.isZero()) {
            return;
        }
        Console.say("warming the stack up (JIT): %d records/s for %d s over HTTP, then HTTPS%s, not measured", ratePerSecond,
                duration.toSeconds(), reads ? ", then reads at that rate for as long" : "");
        Duration half = duration.dividedBy(2);
        for (String base : List.of(stack.gatewayHttp(), stack.gatewayHttps())) {
            List<SealedRecords.Post> posts = SealedRecords.seal(population.patients(), ratePerSecond * half.toSeconds());
            try (HttpLoad http = new HttpLoad(URI.create(base), connections)) {
                OpenLoop.run(ratePerSecond, half, Duration.ZERO, shot -> {
                    return posts.get((int) shot.index()).send(http);
                });
            }
        }
        if (reads) {
            List<ReadFixture.Read> fixture = ReadFixture.create(stack.gatewayHttp(), population, 1);
            try (HttpLoad http = new HttpLoad(URI.create(stack.gatewayHttp()), connections)) {
                OpenLoop.run(ratePerSecond, duration, Duration.ZERO, shot -> {
                    return fixture.get((int) (shot.index() % fixture.size())).send(http);
                });
            }
        }
    }
}
