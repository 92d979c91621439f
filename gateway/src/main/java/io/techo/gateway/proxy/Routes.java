package io.techo.gateway.proxy;

import io.techo.common.resilience.CircuitBreaker;
import io.techo.gateway.config.GatewayConfig;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.PoolOptions;
import jakarta.inject.Singleton;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * The routing table: which public path prefix goes to which service, and which need no token. Prefixes match whole
 * path segments ({@code /api/v1/grants} matches {@code /api/v1/grants/…}, not {@code /api/v1/grantsX}). Anything
 * else (notably consent-service's {@code /internal/v1/decisions}) is not routed. Two read-only chain lookups go to
 * the IOST node with their prefix rewritten, so a browser can check an anchor on the same origin (ADR 0400).
 */
@Singleton
public class Routes {

    /**
     * A path prefix and where it goes; {@code open}: reachable without a token (registration); {@code upstreamPrefix}
     * replaces the prefix on the way to the upstream (null: the path is forwarded as it is).
     */
    public record Route(String prefix, Upstream upstream, boolean open, String upstreamPrefix) {

        Route(String prefix, Upstream upstream, boolean open) {
            this(prefix, upstream, open, null);
        }

        /** The prefix itself or a path below it; checked for every route on every request, so without allocating. */
        boolean matches(String path) {
            return path.startsWith(prefix) && (path.length() == prefix.length() || path.charAt(prefix.length()) == '/');
        }

        /** The path the upstream gets. */
        public String upstreamPath(String path) {
            return upstreamPrefix == null ? path : upstreamPrefix + path.substring(prefix.length());
        }
    }

    private final List<Route> routes;
    private final HttpClient client;
    private final Upstream consent;
    private final List<Upstream> services;

    public Routes(Vertx vertx, GatewayConfig config) {
        GatewayConfig.Upstreams upstreams = config.upstreams();
        this.client = vertx.createHttpClient(new HttpClientOptions()
                        .setConnectTimeout((int) upstreams.connectTimeout().toMillis())
                        .setKeepAlive(true),
                new PoolOptions().setHttp1MaxSize(upstreams.maxConnections()));
        Upstream record = upstream("record-service", upstreams.recordUrl(), upstreams);
        this.consent = upstream("consent-service", upstreams.consentUrl(), upstreams);
        Upstream anchor = upstream("anchor-service", upstreams.anchorUrl(), upstreams);
        Upstream chain = upstream("iost-node", upstreams.iostUrl(), upstreams);
        this.services = List.of(record, consent, anchor);
        this.routes = List.of(
                new Route("/api/v1/records", record, false),
                new Route("/api/v1/access-log", record, false),
                new Route("/api/v1/registrations", consent, true),
                new Route("/api/v1/clinician-registrations", consent, false),
                new Route("/api/v1/facilities", consent, false),
                new Route("/api/v1/parties", consent, false),
                new Route("/api/v1/keys", consent, false),
                new Route("/api/v1/grants", consent, false),
                new Route("/api/v1/patients", consent, false),
                new Route("/api/v1/log", anchor, false),
                new Route("/api/v1/proofs", anchor, false),
                new Route("/api/v1/chain/tx", chain, false, "/getTxByHash"),
                new Route("/api/v1/chain/receipt", chain, false, "/getTxReceiptByTxHash"));
    }

    public Optional<Route> find(String path) {
        return routes.stream().filter(route -> route.matches(path)).findFirst();
    }

    /** The Techo services (not the chain node), for the aggregated OpenAPI. */
    public List<Upstream> upstreams() {
        return services;
    }

    public Upstream consent() {
        return consent;
    }

    public HttpClient client() {
        return client;
    }

    private static Upstream upstream(String name, String url, GatewayConfig.Upstreams config) {
        return new Upstream(name, URI.create(url), config.responseTimeout(),
                new CircuitBreaker(config.breakerFailures(), config.breakerOpenFor(), Clock.systemUTC()),
                new Admission(config.maxConnections() + config.maxQueued()));
    }
}
