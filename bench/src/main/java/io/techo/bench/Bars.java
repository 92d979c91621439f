package io.techo.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** DESIGN §10's performance bar, line by line, against what a run measured. */
final class Bars {

    static final double INGEST_SHARE_OF_RAW = 0.5;
    static final int BAR_RATE = 1000;
    static final double TXS_PER_1000 = 1.0;
    static final double READ_P99_MS = 20.0;

    /** One line of the bar: what it asks, what was measured, and whether it is met (empty: not measured). */
    record Bar(String requirement, String measured, Optional<Boolean> met) {

        String verdict() {
            return met.map(m -> m ? "**met**" : "**not met**").orElse("not measured");
        }
    }

    private Bars() {
    }

    static List<Bar> check(SuiteResult run) {
        List<Bar> bars = new ArrayList<>();
        for (String protocol : List.of("HTTP", "HTTPS")) {
            bars.add(ingest(run, protocol));
        }
        bars.add(confirmationLatency(run.anchor()));
        bars.add(chainCost(run.anchor()));
        bars.add(reads(run.reads()));
        return bars;
    }

    private static Bar ingest(SuiteResult run, String protocol) {
        String requirement = "Ingest through the gateway (" + protocol + ") ≥ 50 % of the raw one-record-per-transaction insert rate at the "
                + "same concurrency";
        if (run.ingest() == null || run.raw() == null) {
            return new Bar(requirement, "needs the ingest and raw scenarios", Optional.empty());
        }
        double raw = run.raw().transactionsPerSecond();
        Optional<IngestScenario.Step> best = run.ingest().sustainable(protocol);
        double ingest = best.map(s -> s.result().succeededPerSecond()).orElse(0.0);
        double share = raw == 0 ? Double.NaN : ingest / raw;
        String note = best.isPresent() && best.get() == last(run.ingest().of(protocol)) ? " (every step was clean: the limit is higher than the last step)" : "";
        return new Bar(requirement, String.format("%.0f records/s sustained vs %.0f raw tx/s = %.0f %%%s", ingest, raw, share * 100, note),
                Optional.of(share >= INGEST_SHARE_OF_RAW));
    }

    private static IngestScenario.Step last(List<IngestScenario.Step> steps) {
        return steps.isEmpty() ? null : steps.get(steps.size() - 1);
    }

    private static Bar confirmationLatency(AnchorScenario.Result anchor) {
        if (anchor == null) {
            return new Bar("POST → IRREVERSIBLE confirmation p99 ≤ T + 1 s at 1,000 records/s", "scenario not run", Optional.empty());
        }
        long limitMs = anchor.checkpointInterval().toMillis() + 1000;
        double p99 = anchor.confirmations().ms(99);
        boolean complete = anchor.expected() > 0 && anchor.confirmed() == anchor.expected();
        return new Bar("POST → IRREVERSIBLE confirmation p99 ≤ T + 1 s = " + limitMs + " ms at 1,000 records/s",
                String.format("p99 %.0f ms, %d of %d confirmed%s", p99, anchor.confirmed(), anchor.expected(), rateNote(anchor.posts().rate())),
                Optional.of(complete && p99 <= limitMs && anchor.posts().rate() >= BAR_RATE));
    }

    private static Bar chainCost(AnchorScenario.Result anchor) {
        if (anchor == null) {
            return new Bar("≤ 1 IOST transaction per 1,000 records at that rate", "scenario not run", Optional.empty());
        }
        double per1000 = anchor.chainTxsPer1000();
        return new Bar("≤ 1 IOST transaction per 1,000 records at that rate",
                String.format("%.2f txs per 1,000 records (%d txs for %d records)%s", per1000, anchor.chainTxs(), anchor.expected(),
                        rateNote(anchor.posts().rate())),
                Optional.of(per1000 <= TXS_PER_1000 && anchor.posts().rate() >= BAR_RATE));
    }

    private static Bar reads(ConsentedReadScenario.Result reads) {
        String requirement = "Consent-checked read p99 ≤ 20 ms at 1,000 reads/s";
        if (reads == null) {
            return new Bar(requirement, "scenario not run", Optional.empty());
        }
        OpenLoop.Result r = reads.reads();
        double p99 = r.latencies().ms(99);
        String sustainable = reads.sustainable().map(s -> String.format("; highest rate with p99 ≤ 20 ms and no failure: %d/s (p99 %.1f ms)",
                s.rate(), s.latencies().ms(99))).orElse(reads.probes().isEmpty() ? "" : "; no probed rate kept p99 ≤ 20 ms");
        return new Bar(requirement, String.format("p99 %.1f ms, %d failed%s%s", p99, r.failed(), rateNote(r.rate()), sustainable),
                Optional.of(r.failed() == 0 && r.succeeded() > 0 && p99 <= READ_P99_MS && r.rate() >= BAR_RATE));
    }

    private static String rateNote(int rate) {
        return rate >= BAR_RATE ? "" : String.format(" — at %d/s, below the bar's 1,000/s, so this run cannot meet it", rate);
    }
}
