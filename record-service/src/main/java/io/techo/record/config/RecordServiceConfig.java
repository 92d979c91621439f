package io.techo.record.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the record-service, under {@code techo.record}. */
@ConfigMapping(prefix = "techo.record")
public interface RecordServiceConfig {

    /** Largest accepted ciphertext in bytes (after base64 decoding); larger uploads get 413. */
    @WithDefault("1048576")
    int maxCiphertextBytes();

    /** Page size of the record listing when the caller names none. */
    @WithDefault("50")
    int defaultPageSize();

    /** Largest page size a caller may ask for. */
    @WithDefault("200")
    int maxPageSize();
}
