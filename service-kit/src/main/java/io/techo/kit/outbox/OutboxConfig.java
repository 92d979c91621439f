package io.techo.kit.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings of the transactional outbox relay, under {@code techo.outbox}. */
@ConfigMapping(prefix = "techo.outbox")
public interface OutboxConfig {

    /** CloudEvents {@code source} of the events this service emits. */
    @WithDefault("/techo/${quarkus.application.name}")
    String eventSource();

    /** Whether this instance publishes the outbox at all (off in tests that drive {@link OutboxStore} themselves). */
    @WithDefault("true")
    boolean relayEnabled();

    /** How often the relay looks for unpublished events (a Vert.x timer; writers may also wake the relay at once). */
    @WithDefault("100ms")
    Duration pollInterval();

    /** How often the outbox lag gauges are refreshed. */
    @WithDefault("5s")
    Duration gaugeInterval();

    /** Most events one relay pass claims and publishes. */
    @WithDefault("200")
    int batchSize();

    /**
     * How long a claimed batch stays reserved for the relay instance that claimed it. A relay that dies mid-batch
     * loses its claim after this; failed sends are retried once it has passed.
     */
    @WithDefault("30s")
    Duration lease();

    /** How long published rows are kept before housekeeping deletes them. */
    @WithDefault("7d")
    Duration retention();
}
