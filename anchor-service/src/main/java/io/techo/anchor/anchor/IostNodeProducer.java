package io.techo.anchor.anchor;

import io.techo.anchor.config.AnchorConfig;
import io.techo.iost.IostClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.net.http.HttpClient;
import java.time.Duration;

/** The IOST node client, with bounded waits: a slow node must not stall the anchoring loop for long. */
@ApplicationScoped
public class IostNodeProducer {

    @Produces
    @ApplicationScoped
    IostClient iostClient(AnchorConfig config) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        return new IostClient(config.iost().url(), http, Duration.ofSeconds(5));
    }
}
