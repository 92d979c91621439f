package io.techo.bench;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Scenario 1: records posted through the gateway over HTTP and over HTTPS at increasing rates, each step open-loop,
 * until a step's p99 exceeds the limit or a request fails. The highest clean step is the sustainable rate.
 */
final class IngestScenario {

    static final double P99_LIMIT_MS = 100.0;

    /** One rate step over one protocol. */
    record Step(String protocol, OpenLoop.Result result) {

        boolean clean() {
            return result.failed() == 0 && result.succeeded() > 0 && result.latencies().ms(99) <= P99_LIMIT_MS;
        }
    }

    record Result(List<Step> steps, int connections) {

        List<Step> of(String protocol) {
            return steps.stream().filter(s -> s.protocol().equals(protocol)).toList();
        }

        /** The clean step with the highest rate, if any. */
        Optional<Step> sustainable(String protocol) {
            return of(protocol).stream().filter(Step::clean).reduce((a, b) -> b.result().rate() > a.result().rate() ? b : a);
        }
    }

    private IngestScenario() {
    }

    static Result run(BenchStack stack, Population population, List<Integer> rates, Duration warmup, Duration step, int connections,
            ResourceSampler sampler) {
        List<Step> steps = new ArrayList<>();
        for (String base : List.of(stack.gatewayHttp(), stack.gatewayHttps())) {
            String protocol = URI.create(base).getScheme().toUpperCase();
            try (HttpLoad http = new HttpLoad(URI.create(base), connections)) {
                for (int rate : rates) {
                    List<SealedRecords.Post> posts = SealedRecords.seal(population.patients(), rate * (warmup.toSeconds() + step.toSeconds()));
                    OpenLoop.Result result = OpenLoop.run(rate, warmup, step, sampler.window("ingest " + protocol + " " + rate + "/s"), shot -> posts.get((int) shot.index()).send(http));
                    Step done = new Step(protocol, result);
                    steps.add(done);
                    Console.step("ingest " + protocol, result);
                    if (!done.clean()) {
                        break;
                    }
                }
            }
        }
        return new Result(steps, connections);
    }
}
