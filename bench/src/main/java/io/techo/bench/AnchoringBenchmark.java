package io.techo.bench;

import io.techo.common.canonical.RecordHeader;
import io.techo.common.crypto.Digests;
import io.techo.common.events.AnchorConfirmed;
import io.techo.common.events.CloudEventAttributes;
import io.techo.common.events.CloudEventsKafka;
import io.techo.common.events.EventJson;
import io.techo.common.events.RecordStored;
import io.techo.common.ids.Uuids;
import io.techo.common.log.LeafData;
import io.techo.common.log.NoteSigner;
import io.techo.iost.IostClient;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Anchoring benchmark (issue 4 bar: p99 event → IRREVERSIBLE confirmation ≤ T + 1 s at 1,000 events/s, ≤ 1 chain tx
 * per 1,000 events). Produces record events open-loop at a constant rate (each event's time is its scheduled send time,
 * so a stalled producer does not hide latency), reads the confirmations an auditor sees on {@code techo.anchors.v1},
 * and counts the anchor transactions in the devnet's blocks.
 *
 * <p>Arguments: {@code keygen <origin>} prints a fresh checkpoint key; otherwise
 * {@code bootstrap topic origin devnetUrl rate warmupSeconds measureSeconds checkpointIntervalMs reportDirectory}.
 */
public final class AnchoringBenchmark {

    private static final double BAR_TXS_PER_1000 = 1.0;

    private AnchoringBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 2 && "keygen".equals(args[0])) {
            System.out.println(NoteSigner.generate(args[1]).signerKey());
            return;
        }
        String bootstrap = args[0];
        String topic = args[1];
        String origin = args[2];
        IostClient node = new IostClient(URI.create(args[3]));
        int rate = Integer.parseInt(args[4]);
        Duration warmup = Duration.ofSeconds(Long.parseLong(args[5]));
        Duration measure = Duration.ofSeconds(Long.parseLong(args[6]));
        long intervalMs = Long.parseLong(args[7]);
        Path out = Path.of(args[8]);

        Histogram latencies = new Histogram(Duration.ofMinutes(5).toMillis(), 3);
        AtomicLong confirmedCount = new AtomicLong();
        long events = rate * (warmup.toSeconds() + measure.toSeconds());
        Instant start = Instant.now().plusSeconds(2);
        Instant measureFrom = start.plus(warmup);
        Instant measureTo = measureFrom.plus(measure);
        long expectedMeasured = rate * measure.toSeconds();

        try (AnchorConfirmations confirmations = new AnchorConfirmations(bootstrap, origin)) {
            Thread producer = new Thread(() -> produce(bootstrap, topic, rate, events, start), "bench-producer");
            producer.start();
            long firstBlock = -1;
            long lastBlock = -1;
            Instant deadline = measureTo.plusSeconds(60);
            while (Instant.now().isBefore(deadline) && latencies.getTotalCount() < expectedMeasured) {
                if (firstBlock < 0 && Instant.now().isAfter(measureFrom)) {
                    firstBlock = ChainTxs.head(node);
                }
                if (lastBlock < 0 && Instant.now().isAfter(measureTo)) {
                    lastBlock = ChainTxs.head(node);
                }
                for (AnchorConfirmed confirmed : confirmations.poll(Duration.ofMillis(100))) {
                    record(confirmed, measureFrom, measureTo, latencies, confirmedCount);
                }
            }
            producer.join();
            if (lastBlock < 0) {
                lastBlock = ChainTxs.head(node);
            }
            long txs = ChainTxs.anchorTxs(node, firstBlock, lastBlock, origin);
            String report = report(rate, warmup, measure, intervalMs, expectedMeasured, latencies, txs);
            System.out.println(report);
            Files.createDirectories(out);
            Files.writeString(out.resolve("report.md"), report);
            try (PrintStream hgrm = new PrintStream(Files.newOutputStream(out.resolve("anchoring.hgrm")))) {
                latencies.outputPercentileDistribution(hgrm, 1.0);
            }
        }
    }

    private static void produce(String bootstrap, String topic, int rate, long events, Instant start) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer())) {
            long startNanos = System.nanoTime() + Duration.between(Instant.now(), start).toNanos();
            long periodNanos = 1_000_000_000L / rate;
            for (long i = 0; i < events; i++) {
                long due = startNanos + i * periodNanos;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                Instant scheduled = start.plusNanos(i * periodNanos);
                producer.send(event(topic, "bench-patient-" + (i % 500), scheduled));
            }
        }
    }

    private static ProducerRecord<String, String> event(String topic, String ownerId, Instant time) {
        UUID recordId = Uuids.v7();
        String ciphertextSha256 = Digests.sha256Hex(recordId.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        RecordHeader header = new RecordHeader(recordId, 1, ownerId, "weight", ciphertextSha256, "bench-key");
        RecordStored data = new RecordStored(recordId, 1, ownerId, "weight", ciphertextSha256, 4096, "bench-key",
                Base64.getEncoder().encodeToString(new byte[64]), Digests.sha256Hex(header.canonicalBytes()), time);
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, ownerId, EventJson.write(data));
        CloudEventsKafka.toHeaders(new CloudEventAttributes(Uuids.v7().toString(), data.type(), "/techo/bench",
                data.subject(), time)).forEach((name, value) -> record.headers().add(name, value));
        return record;
    }

    private static void record(AnchorConfirmed confirmed, Instant from, Instant to, Histogram latencies, AtomicLong count) {
        count.incrementAndGet();
        Instant eventTime = LeafData.parse(Base64.getDecoder().decode(confirmed.leafData())).time();
        if (!eventTime.isBefore(from) && eventTime.isBefore(to)) {
            latencies.recordValue(Math.max(0, Duration.between(eventTime, Instant.now()).toMillis()));
        }
    }

    private static String report(int rate, Duration warmup, Duration measure, long intervalMs, long expected,
            Histogram h, long txs) {
        double barMs = intervalMs + 1000;
        double p99 = h.getValueAtPercentile(99);
        double txsPer1000 = h.getTotalCount() == 0 ? Double.NaN : txs * 1000.0 / h.getTotalCount();
        boolean complete = h.getTotalCount() == expected;
        return String.join("\n",
                "# Anchoring: event → IRREVERSIBLE confirmation",
                "",
                "Machine: " + Runtime.getRuntime().availableProcessors() + " cores, Java " + System.getProperty("java.version")
                        + "; events produced open-loop at " + rate + "/s onto the anchor-service's topic, " + warmup.toSeconds()
                        + " s warm-up excluded, " + measure.toSeconds() + " s measured; checkpoint interval T = " + intervalMs
                        + " ms; IOST devnet with 500 ms blocks and irreversibility lag 0. Latency = time the confirmation "
                        + "reached a subscriber of techo.anchors.v1 − the event's scheduled time.",
                "",
                "| metric | value |",
                "|---|---|",
                String.format("| events in the measured window | %d |", expected),
                String.format("| confirmations received for them | %d |", h.getTotalCount()),
                String.format("| events/s appended and confirmed | %.0f |", h.getTotalCount() / (double) measure.toSeconds()),
                String.format("| p50 | %d ms |", h.getValueAtPercentile(50)),
                String.format("| p90 | %d ms |", h.getValueAtPercentile(90)),
                String.format("| p99 | %d ms |", (long) p99),
                String.format("| p99.9 | %d ms |", h.getValueAtPercentile(99.9)),
                String.format("| max | %d ms |", h.getMaxValue()),
                String.format("| anchor txs in the window | %d |", txs),
                String.format("| chain txs per 1,000 events | %.2f |", txsPer1000),
                "",
                String.format("Bar (issue 4, DESIGN §10): p99 ≤ T + 1 s = %.0f ms — **%s**; ≤ %.0f chain tx per 1,000 events — **%s**.",
                        barMs, complete && p99 <= barMs ? "met" : "not met", BAR_TXS_PER_1000,
                        txsPer1000 <= BAR_TXS_PER_1000 ? "met" : "not met"),
                "");
    }
}
