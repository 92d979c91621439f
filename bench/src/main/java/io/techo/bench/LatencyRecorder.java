package io.techo.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Latencies in microseconds, recorded from any thread into an HdrHistogram; once a second the interval's histogram
 * is added to the total and its percentiles to the timeline (the "latency over time" plots).
 */
final class LatencyRecorder {

    /** One second of latencies: when it ended (epoch ms) and the percentiles of what completed in it, in ms. */
    record Interval(long endEpochMillis, double p50Ms, double p99Ms, double p999Ms) {

        static Interval of(long endEpochMillis, Histogram h) {
            return new Interval(endEpochMillis, Latencies.ms(h, 50), Latencies.ms(h, 99), Latencies.ms(h, 99.9));
        }
    }

    /** A finished measurement: the whole distribution and its non-empty seconds. */
    record Latencies(Histogram total, List<Interval> timeline) {

        static double ms(Histogram h, double percentile) {
            return h.getTotalCount() == 0 ? Double.NaN : h.getValueAtPercentile(percentile) / 1000.0;
        }

        double ms(double percentile) {
            return ms(total, percentile);
        }

        double maxMs() {
            return total.getTotalCount() == 0 ? Double.NaN : total.getMaxValue() / 1000.0;
        }
    }

    private final Recorder recorder = new Recorder(3);
    private final Histogram total = new Histogram(3);
    private final List<Interval> timeline = new ArrayList<>();
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "latency-ticker");
        thread.setDaemon(true);
        return thread;
    });
    private Histogram recycled;

    LatencyRecorder() {
        ticker.scheduleAtFixedRate(this::tick, 1, 1, TimeUnit.SECONDS);
    }

    void recordMicros(long micros) {
        recorder.recordValue(Math.max(1, micros));
    }

    Latencies finish() {
        ticker.shutdownNow();
        tick();
        synchronized (this) {
            return new Latencies(total.copy(), List.copyOf(timeline));
        }
    }

    private synchronized void tick() {
        Histogram interval = recorder.getIntervalHistogram(recycled);
        if (interval.getTotalCount() > 0) {
            total.add(interval);
            timeline.add(Interval.of(System.currentTimeMillis(), interval));
        }
        recycled = interval;
    }
}
