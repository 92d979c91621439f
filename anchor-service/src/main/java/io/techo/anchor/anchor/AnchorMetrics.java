package io.techo.anchor.anchor;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/** The anchor-service's own metrics (Prometheus names: {@code techo_anchor_*}). */
@ApplicationScoped
public class AnchorMetrics {

    private final MeterRegistry registry;
    private final AtomicLong logSize = new AtomicLong();
    private final AtomicLong anchoredSize = new AtomicLong();
    private final Timer eventToIrreversible;
    private final Counter chainTxs;
    private final Counter confirmations;

    public AnchorMetrics(MeterRegistry registry) {
        this.registry = registry;
        registry.gauge("techo.anchor.log.size", logSize);
        registry.gauge("techo.anchor.anchored.size", anchoredSize);
        registry.gauge("techo.anchor.pending.leaves", this, m -> Math.max(0, m.logSize.get() - m.anchoredSize.get()));
        this.eventToIrreversible = Timer.builder("techo.anchor.event.to.irreversible")
                .description("Time from an event's CloudEvents time to its confirmation (IRREVERSIBLE, SUCCESS)")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(50))
                .maximumExpectedValue(Duration.ofMinutes(10))
                .register(registry);
        this.chainTxs = Counter.builder("techo.anchor.chain.txs")
                .description("Anchor transactions signed (one per checkpoint, more if a tx expired unincluded)")
                .register(registry);
        this.confirmations = Counter.builder("techo.anchor.confirmations")
                .description("Confirmations published (acknowledged by Kafka)").register(registry);
    }

    void sizes(long log, long anchored) {
        logSize.set(log);
        anchoredSize.set(anchored);
    }

    void txSigned() {
        chainTxs.increment();
    }

    void chainError(String kind) {
        registry.counter("techo.anchor.chain.errors", "kind", kind).increment();
    }

    void confirmed(Duration sinceEvent) {
        confirmations.increment();
        eventToIrreversible.record(sinceEvent.isNegative() ? Duration.ZERO : sinceEvent);
    }
}
