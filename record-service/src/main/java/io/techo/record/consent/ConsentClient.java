package io.techo.record.consent;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The consent-service's internal decision API ({@code POST /internal/v1/decisions}); the reader's own token is
 * forwarded so that it decides for that reader. A plain Vert.x HTTP client with a pool of kept-alive connections, not
 * a REST client: this call is on every clinician read, and the REST client's handler chain and context capture cost
 * as much CPU as the rest of the call (ADR 0015). Any answer but 200 with a decision is a failure, which the caller
 * turns into a refusal (fail closed).
 */
@ApplicationScoped
public class ConsentClient {

    static final String PATH = "/internal/v1/decisions";

    private final HttpClient http;
    private final ObjectMapper json;
    private final String host;
    private final int port;
    private final boolean tls;
    private final String uri;
    private final long idleTimeoutMillis;

    public ConsentClient(Vertx vertx, ObjectMapper json,
            @ConfigProperty(name = "techo.consent.url") URI url,
            @ConfigProperty(name = "techo.consent.connect-timeout", defaultValue = "1s") Duration connectTimeout,
            @ConfigProperty(name = "techo.consent.timeout", defaultValue = "2s") Duration idleTimeout,
            @ConfigProperty(name = "techo.consent.max-connections", defaultValue = "64") int maxConnections) {
        this.json = json;
        this.http = vertx.createHttpClient(new HttpClientOptions()
                        .setConnectTimeout((int) connectTimeout.toMillis())
                        .setKeepAlive(true),
                new PoolOptions().setHttp1MaxSize(maxConnections));
        this.tls = "https".equalsIgnoreCase(url.getScheme());
        this.host = url.getHost();
        this.port = url.getPort() > 0 ? url.getPort() : tls ? 443 : 80;
        this.uri = (url.getRawPath() == null || url.getRawPath().equals("/") ? "" : url.getRawPath()) + PATH;
        this.idleTimeoutMillis = idleTimeout.toMillis();
    }

    /** Completes with the decision, or fails: unreachable, timed out, refused, or not a decision. */
    public Uni<ConsentDecision> decide(String authorization, DecisionQuery query) {
        Buffer body = Buffer.buffer(bytes(query));
        return Uni.createFrom().completionStage(() -> http.request(request(authorization))
                .compose(sent -> sent.send(body))
                .compose(this::decision)
                .toCompletionStage());
    }

    private Future<ConsentDecision> decision(HttpClientResponse response) {
        return response.body().compose(answer -> {
            if (response.statusCode() != 200) {
                return Future.failedFuture(new IllegalStateException("consent-service answered " + response.statusCode()));
            }
            try {
                ConsentDecision decision = json.readValue(answer.getBytes(), ConsentDecision.class);
                if (decision == null || decision.decision() == null) {
                    return Future.failedFuture(new IllegalStateException("consent-service answered no decision"));
                }
                return Future.succeededFuture(decision);
            } catch (IOException e) {
                return Future.failedFuture(new IllegalStateException("consent-service answered no decision: " + e.getMessage(), e));
            }
        });
    }

    private byte[] bytes(DecisionQuery query) {
        try {
            return json.writeValueAsBytes(query);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a decision query always serializes", e);
        }
    }

    private RequestOptions request(String authorization) {
        return new RequestOptions().setMethod(HttpMethod.POST).setHost(host).setPort(port).setSsl(tls)
                .setURI(uri).setIdleTimeout(idleTimeoutMillis)
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .putHeader(HttpHeaders.ACCEPT, "application/json")
                .putHeader(HttpHeaders.AUTHORIZATION, authorization);
    }

    @PreDestroy
    void close() {
        http.close();
    }
}
