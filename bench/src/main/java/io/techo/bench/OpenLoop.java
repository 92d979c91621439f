package io.techo.bench;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * An open-loop load generator: requests start on a fixed schedule whatever the system does, and each latency is
 * measured from its scheduled start, so a slow system cannot slow the load down and hide its own queueing
 * (no coordinated omission). Latencies of the warm-up are not recorded.
 */
final class OpenLoop {

    /** The longest a measured request may stay unanswered after the last send before it counts as failed. */
    private static final Duration DRAIN = Duration.ofSeconds(12);

    /** One scheduled request: its number, its intended start ({@link System#nanoTime()}), whether it is measured. */
    record Shot(long index, long intendedNanos, boolean measured) {
    }

    /** Told when the measured window starts and when it ends (its answers drained), e.g. to read the processes' CPU time. */
    interface Window {
        Window NONE = new Window() {
        };

        default void started() {
        }

        default void ended(Result result) {
        }
    }

    @FunctionalInterface
    interface Request {
        /** Starts the request and completes with true when it succeeded. */
        CompletableFuture<Boolean> send(Shot shot);
    }

    /**
     * @param sent requests started in the measured window
     * @param succeeded of those, the ones that succeeded
     * @param failed the others: errors, unexpected statuses, or no answer within the drain time
     */
    record Result(int rate, LatencyRecorder.Latencies latencies, long sent, long succeeded, long failed, Duration measured) {

        double succeededPerSecond() {
            return succeeded / (measured.toNanos() / 1e9);
        }
    }

    private OpenLoop() {
    }

    static Result run(int ratePerSecond, Duration warmup, Duration measure, Request request) {
        return run(ratePerSecond, warmup, measure, Window.NONE, request);
    }

    static Result run(int ratePerSecond, Duration warmup, Duration measure, Window window, Request request) {
        LatencyRecorder recorder = new LatencyRecorder();
        AtomicLong succeeded = new AtomicLong();
        AtomicLong completed = new AtomicLong();
        long periodNanos = 1_000_000_000L / ratePerSecond;
        long start = System.nanoTime();
        long measureFrom = start + warmup.toNanos();
        long end = measureFrom + measure.toNanos();
        long sent = 0;
        boolean windowStarted = false;
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
                if (!windowStarted) {
                    window.started();
                    windowStarted = true;
                }
                sent++;
            }
            CompletableFuture<Boolean> response;
            try {
                response = request.send(new Shot(i, intended, measured));
            } catch (RuntimeException e) {
                response = CompletableFuture.failedFuture(e);
            }
            response.whenComplete((ok, error) -> {
                if (!measured) {
                    return;
                }
                recorder.recordMicros((System.nanoTime() - intended) / 1000);
                if (error == null && Boolean.TRUE.equals(ok)) {
                    succeeded.incrementAndGet();
                }
                completed.incrementAndGet();
            });
        }
        long drainUntil = System.nanoTime() + DRAIN.toNanos();
        while (completed.get() < sent && System.nanoTime() < drainUntil) {
            LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
        }
        Result result = new Result(ratePerSecond, recorder.finish(), sent, succeeded.get(), sent - succeeded.get(), measure);
        if (windowStarted) {
            window.ended(result);
        }
        return result;
    }
}
