package io.techo.bench;

import io.techo.common.events.AnchorConfirmed;
import io.techo.common.events.EventTypes;
import io.techo.iost.IostClient;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Scenario 3: records posted through the gateway at a constant rate; for each one posted in the measured window, the
 * time from its scheduled POST to its IRREVERSIBLE confirmation ({@code techo.anchor.confirmed}, matched by record
 * id) as an auditor subscribed to {@code techo.anchors.v1} sees it; and the anchor transactions the devnet packed
 * in the measured window, per 1,000 records.
 */
final class AnchorScenario {

    /**
     * @param posts the POSTs' own latencies
     * @param expected records posted successfully in the measured window
     * @param confirmations POST → confirmation latencies of those that were confirmed before the deadline
     * @param chainTxs anchor transactions of this log in the blocks of the measured window
     */
    record Result(OpenLoop.Result posts, long expected, LatencyRecorder.Latencies confirmations, long chainTxs, long blocks,
            Duration checkpointInterval) {

        long confirmed() {
            return confirmations.total().getTotalCount();
        }

        double chainTxsPer1000() {
            return expected == 0 ? Double.NaN : chainTxs * 1000.0 / expected;
        }
    }

    private AnchorScenario() {
    }

    static Result run(BenchStack stack, Population population, int rate, Duration warmup, Duration measure, Duration confirmWait,
            int connections, ResourceSampler sampler) {
        IostClient node = new IostClient(URI.create(stack.devnetUrl()));
        List<SealedRecords.Post> posts = SealedRecords.seal(population.patients(), rate * (warmup.toSeconds() + measure.toSeconds()));
        Map<String, Long> awaited = new ConcurrentHashMap<>();
        LatencyRecorder confirmations = new LatencyRecorder();
        AtomicBoolean listening = new AtomicBoolean(true);
        try (AnchorConfirmations auditor = new AnchorConfirmations(stack.settings().kafkaBootstrap(), stack.origin());
                HttpLoad http = new HttpLoad(URI.create(stack.gatewayHttp()), connections)) {
            Thread listener = new Thread(() -> {
                while (listening.get()) {
                    for (AnchorConfirmed confirmed : auditor.poll(Duration.ofMillis(50))) {
                        Long intended = EventTypes.RECORD_STORED.equals(confirmed.logEventType()) ? awaited.remove(confirmed.subject()) : null;
                        if (intended != null) {
                            confirmations.recordMicros((System.nanoTime() - intended) / 1000);
                        }
                    }
                }
            }, "bench-auditor");
            listener.start();
            AtomicLong firstBlock = new AtomicLong(-1);
            AtomicLong lastBlock = new AtomicLong(-1);
            OpenLoop.Result result = OpenLoop.run(rate, warmup, measure, sampler.window("POST → IRREVERSIBLE " + rate + "/s"), shot -> {
                if (shot.measured() && firstBlock.get() < 0 && firstBlock.compareAndSet(-1, 0)) {
                    CompletableFuture.runAsync(() -> firstBlock.set(ChainTxs.head(node)));
                }
                SealedRecords.Post post = posts.get((int) shot.index());
                if (shot.measured()) {
                    awaited.put(post.recordId(), shot.intendedNanos());
                }
                return post.send(http).whenComplete((ok, error) -> {
                    if (error != null || !Boolean.TRUE.equals(ok)) {
                        awaited.remove(post.recordId());
                    }
                });
            });
            lastBlock.set(ChainTxs.head(node));
            Console.step("anchor POSTs", result);
            long deadline = System.nanoTime() + confirmWait.toNanos();
            while (!awaited.isEmpty() && System.nanoTime() < deadline) {
                sleep(Duration.ofMillis(100));
            }
            listening.set(false);
            join(listener);
            long txs = ChainTxs.anchorTxs(node, firstBlock.get(), lastBlock.get(), stack.origin());
            Result done = new Result(result, result.succeeded(), confirmations.finish(), txs, lastBlock.get() - firstBlock.get() + 1,
                    stack.settings().checkpointInterval());
            Console.say("anchoring: %d of %d confirmed IRREVERSIBLE, p50 %.0f ms, p99 %.0f ms; %d anchor txs in %d blocks (%.2f per 1,000)",
                    done.confirmed(), done.expected(), done.confirmations().ms(50), done.confirmations().ms(99), txs, done.blocks(),
                    done.chainTxsPer1000());
            return done;
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void join(Thread thread) {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
