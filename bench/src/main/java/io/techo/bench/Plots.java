package io.techo.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;

/** The report's PNG plots (XChart): latency percentiles over time per scenario, throughput per scenario. */
final class Plots {

    private static final int WIDTH = 1000;
    private static final int HEIGHT = 520;

    private final Path directory;
    private final List<String> written = new ArrayList<>();

    Plots(Path directory) {
        this.directory = directory;
    }

    /** File names of the plots written so far. */
    List<String> written() {
        return List.copyOf(written);
    }

    /** p50, p99 and p99.9 of each second, against seconds since the first one; log scale when they span a decade. */
    String latencyOverTime(String file, String title, List<LatencyRecorder.Interval> timeline) {
        boolean wideRange = spread(timeline.stream().flatMap(i -> java.util.stream.Stream.of(i.p50Ms(), i.p999Ms())).toList()) >= 10;
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title)
                .xAxisTitle("seconds since the measurement started").yAxisTitle(wideRange ? "latency (ms, log scale)" : "latency (ms)").build();
        chart.getStyler().setYAxisLogarithmic(wideRange);
        chart.getStyler().setYAxisDecimalPattern("#,##0.##");
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW);
        chart.getStyler().setMarkerSize(3);
        long origin = timeline.isEmpty() ? 0 : timeline.get(0).endEpochMillis() - 1000;
        List<Double> seconds = timeline.stream().map(i -> (i.endEpochMillis() - origin) / 1000.0).toList();
        if (timeline.isEmpty()) {
            chart.addSeries("no completed requests", List.of(0.0), List.of(1.0));
        } else {
            chart.addSeries("p50", seconds, timeline.stream().map(LatencyRecorder.Interval::p50Ms).toList());
            chart.addSeries("p99", seconds, timeline.stream().map(LatencyRecorder.Interval::p99Ms).toList());
            chart.addSeries("p99.9", seconds, timeline.stream().map(LatencyRecorder.Interval::p999Ms).toList());
        }
        return save(file, chart);
    }

    /** One bar per measurement: operations per second that succeeded. */
    String throughput(String file, List<String> labels, List<Double> perSecond) {
        CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT).title("Throughput per scenario")
                .xAxisTitle("").yAxisTitle("successful operations / s").build();
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setXAxisLabelRotation(30);
        chart.getStyler().setLabelsVisible(true);
        chart.addSeries("succeeded per second", labels, perSecond);
        return save(file, chart);
    }

    /** p99 against the offered rate, one line per protocol: where ingest stops keeping up. */
    String ingestSteps(String file, IngestScenario.Result ingest) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title("Ingest: p99 per offered rate")
                .xAxisTitle("offered records/s").yAxisTitle("p99 (ms)").build();
        chart.getStyler().setYAxisDecimalPattern("#,##0.##");
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW);
        for (String protocol : List.of("HTTP", "HTTPS")) {
            List<IngestScenario.Step> steps = ingest.of(protocol).stream().filter(s -> s.result().latencies().total().getTotalCount() > 0).toList();
            if (!steps.isEmpty()) {
                chart.addSeries(protocol, steps.stream().map(s -> (double) s.result().rate()).toList(),
                        steps.stream().map(s -> s.result().latencies().ms(99)).toList());
            }
        }
        if (chart.getSeriesMap().isEmpty()) {
            chart.addSeries("no completed requests", List.of(0.0), List.of(1.0));
        }
        return save(file, chart);
    }

    /** max / min of the values: a log scale only helps when they span a decade or more. */
    private static double spread(List<Double> values) {
        double min = values.stream().mapToDouble(Double::doubleValue).min().orElse(1);
        double max = values.stream().mapToDouble(Double::doubleValue).max().orElse(1);
        return min <= 0 ? Double.POSITIVE_INFINITY : max / min;
    }

    private String save(String file, Chart<?, ?> chart) {
        try {
            BitmapEncoder.saveBitmap(chart, directory.resolve(file).toString(), BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write plot " + file, e);
        }
        written.add(file);
        return file;
    }
}
