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
 * forwarded), the security headers on every answer (a strict Content-Security-Policy for the web client), the
 * declared body size and the per-address rate limit.
 */
@Singleton
public class EdgeFilter {

    private static final String HSTS = "max-age=31536000; includeSubDomains";
    /** For answers that are data, and for the operator pages under /q/ (Swagger UI brings inline code). */
    private static final String DATA_CSP = "frame-ancestors 'none'";
    /**
     * For the web client at / (ADR 0400): its own scripts and styles only, no inline code, no eval, API calls to the
     * same origin only; images may be data: or blob: URLs (previews of decrypted attachments).
     */
    public static final String APP_CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; "
            + "font-src 'self'; connect-src 'self'; manifest-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

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
        String path = context.normalizedPath();
        boolean api = path.startsWith("/api/");
        String csp = api || path.startsWith("/q/") || path.startsWith("/openapi") ? DATA_CSP : APP_CSP;
        context.addHeadersEndHandler(ignored -> {
            MultiMap headers = context.response().headers();
            headers.set(RequestIds.HEADER, requestId);
            headers.set("X-Content-Type-Options", "nosniff");
            headers.set("X-Frame-Options", "DENY");
            headers.set("Content-Security-Policy", csp);
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
