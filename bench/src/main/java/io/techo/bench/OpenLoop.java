package io.techo.bench;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongFunction;
import org.HdrHistogram.Recorder;

/**
 * An open-loop load generator: requests start on a fixed schedule whatever the system does, and each latency is
 * measured from its scheduled start, so a slow system cannot slow the load down and hide its own queueing
 * (no coordinated omission). Latencies of the warm-up are not recorded.
 */
final class OpenLoop {

    record Result(org.HdrHistogram.Histogram latencies, long sent, long failed, Duration measured) {
    }

    private OpenLoop() {
    }

    /**
     * @param request starts request number i and completes with true when it succeeded
     */
    static Result run(int ratePerSecond, Duration warmup, Duration measure, LongFunction<CompletableFuture<Boolean>> request) {
        Recorder recorder = new Recorder(3);
        AtomicLong failed = new AtomicLong();
        long periodNanos = 1_000_000_000L / ratePerSecond;
        long start = System.nanoTime();
        long measureFrom = start + warmup.toNanos();
        long end = measureFrom + measure.toNanos();
        long sent = 0;
        for (long i = 0; ; i++) {
            long intended = start + i * periodNanos;
            if (intended >= end) {
                break;
            }
            long wait = intended - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            boolean measured = intended >= measureFrom;
            if (measured) {
                sent++;
            }
            request.apply(i).whenComplete((ok, error) -> {
                if (!measured) {
                    return;
                }
                if (error != null || !Boolean.TRUE.equals(ok)) {
                    failed.incrementAndGet();
                }
                recorder.recordValue(Math.max(1, (System.nanoTime() - intended) / 1000));
            });
        }
        LockSupport.parkNanos(Duration.ofSeconds(3).toNanos());
        return new Result(recorder.getIntervalHistogram(), sent, failed.get(), measure);
    }
}
