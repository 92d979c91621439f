package io.techo.record.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings of the record-service, under {@code techo.record}. */
@ConfigMapping(prefix = "techo.record")
public interface RecordServiceConfig {

    /** Largest accepted ciphertext in bytes (after base64 decoding); larger uploads get 413. */
    @WithDefault("1048576")
    int maxCiphertextBytes();

    /** CloudEvents {@code source} of the events this service emits. */
    @WithDefault("/techo/record-service")
    String eventSource();

    /** Page size of the record listing when the caller names none. */
    @WithDefault("50")
    int defaultPageSize();

    /** Largest page size a caller may ask for. */
    @WithDefault("200")
    int maxPageSize();

    Outbox outbox();

    interface Outbox {

        /** How often the relay looks for unpublished events. */
        @WithDefault("100ms")
        Duration pollInterval();

        /** How often the outbox lag gauges are refreshed. */
        @WithDefault("5s")
        Duration gaugeInterval();

        /** Most events one relay pass claims and publishes. */
        @WithDefault("200")
        int batchSize();

        /**
         * How long a claimed batch stays reserved for the relay instance that claimed it. A relay that dies
         * mid-batch loses its claim after this; failed sends are retried once it has passed.
         */
        @WithDefault("30s")
        Duration lease();

        /** How long published rows are kept before housekeeping deletes them. */
        @WithDefault("7d")
        Duration retention();
    }
}
