package io.techo.gateway.proxy;

import io.techo.common.resilience.CircuitBreaker;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import java.net.URI;
import java.time.Duration;

/**
 * One service behind the gateway: where it listens, how long the gateway waits for it, its circuit breaker, and how
 * many requests it is given at once.
 */
public record Upstream(String name, URI base, Duration responseTimeout, CircuitBreaker breaker, Admission admission) {

    /** Request options for {@code pathAndQuery} (which starts with '/') on this upstream. */
    public RequestOptions request(HttpMethod method, String pathAndQuery) {
        boolean tls = "https".equalsIgnoreCase(base.getScheme());
        int port = base.getPort() > 0 ? base.getPort() : tls ? 443 : 80;
        String prefix = base.getRawPath() == null || base.getRawPath().equals("/") ? "" : base.getRawPath();
        return new RequestOptions().setMethod(method).setHost(base.getHost()).setPort(port).setSsl(tls)
                .setURI(prefix + pathAndQuery).setIdleTimeout(responseTimeout.toMillis());
    }
}
