package io.techo.gateway.edge;

import io.quarkus.runtime.configuration.MemorySize;
import io.techo.common.ids.RequestIds;
import io.techo.common.problem.ProblemKind;
import io.techo.gateway.config.GatewayConfig;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.MDC;

/**
 * What every request meets first, before CORS, login or routing: the correlation id (accepted or generated, echoed,
 * forwarded), the security headers on every answer, the declared body size and the per-address rate limit.
 */
@Singleton
public class EdgeFilter {

    private static final String HSTS = "max-age=31536000; includeSubDomains";

    private final RateLimits limits;
    private final long maxBodyBytes;
    private final List<String> exemptPrefixes;

    public EdgeFilter(RateLimits limits, GatewayConfig config,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBodySize) {
        this.limits = limits;
        this.maxBodyBytes = maxBodySize.asLongValue();
        this.exemptPrefixes = config.rateLimit().exemptPrefixes();
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::handle);
    }

    private void handle(RoutingContext context) {
        String requestId = RequestIds.acceptOrGenerate(context.request().getHeader(RequestIds.HEADER));
        context.request().headers().set(RequestIds.HEADER, requestId);
        MDC.put(RequestIds.MDC_KEY, requestId);
        boolean secure = "https".equals(context.request().scheme());
        boolean api = context.normalizedPath().startsWith("/api/");
        context.addHeadersEndHandler(ignored -> {
            MultiMap headers = context.response().headers();
            headers.set(RequestIds.HEADER, requestId);
            headers.set("X-Content-Type-Options", "nosniff");
            headers.set("X-Frame-Options", "DENY");
            headers.set("Content-Security-Policy", "frame-ancestors 'none'");
            headers.set("Referrer-Policy", "no-referrer");
            if (secure) {
                headers.set("Strict-Transport-Security", HSTS);
            }
            if (api) {
                headers.set(HttpHeaders.CACHE_CONTROL, "no-store");
            }
        });
        if (declaredLength(context) > maxBodyBytes) {
            context.response().putHeader(HttpHeaders.CONNECTION, "close");
            Problems.respond(context, ProblemKind.PAYLOAD_TOO_LARGE, "the request body exceeds " + maxBodyBytes + " bytes");
            return;
        }
        if (exemptPrefixes.stream().noneMatch(context.normalizedPath()::startsWith)) {
            Duration wait = limits.forAddress(context.request().remoteAddress().host());
            if (!wait.isZero()) {
                Problems.retryLater(context, ProblemKind.TOO_MANY_REQUESTS, "too many requests from this address", wait);
                return;
            }
        }
        context.next();
    }

    private static long declaredLength(RoutingContext context) {
        String declared = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (declared == null || declared.isEmpty() || declared.length() > 18 || !declared.chars().allMatch(Character::isDigit)) {
            return 0;
        }
        return Long.parseLong(declared);
    }

    /** For the proxy, which also counts the bytes of a body sent without a declared length. */
    public long maxBodyBytes() {
        return maxBodyBytes;
    }
}
