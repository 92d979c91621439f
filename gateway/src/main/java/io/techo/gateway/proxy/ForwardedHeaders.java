package io.techo.gateway.proxy;

import io.vertx.core.MultiMap;
import java.util.Locale;
import java.util.Set;

/**
 * Which headers cross the gateway. Requests: only what the services read or HTTP needs (an allow-list, so a client
 * cannot smuggle forwarding or internal headers). Not {@code traceparent}: the gateway's own span continues the
 * client's trace and the traced HTTP client sends the services its own. Responses: everything but hop-by-hop headers and the ones the
 * gateway sets itself.
 */
final class ForwardedHeaders {

    private static final Set<String> REQUEST_ALLOWED = Set.of("authorization", "content-type", "content-length", "accept",
            "accept-language", "idempotency-key", "x-break-glass-reason", "x-request-id", "if-match", "if-none-match");
    private static final Set<String> RESPONSE_DROPPED = Set.of("connection", "keep-alive", "proxy-authenticate",
            "proxy-authorization", "te", "trailer", "transfer-encoding", "upgrade", "x-request-id", "strict-transport-security",
            "x-content-type-options", "x-frame-options", "content-security-policy", "referrer-policy", "cache-control");

    private ForwardedHeaders() {
    }

    static MultiMap request(MultiMap incoming) {
        MultiMap out = MultiMap.caseInsensitiveMultiMap();
        incoming.forEach(header -> {
            if (REQUEST_ALLOWED.contains(header.getKey().toLowerCase(Locale.ROOT))) {
                out.add(header.getKey(), header.getValue());
            }
        });
        return out;
    }

    static void copyResponse(MultiMap upstream, MultiMap response) {
        upstream.forEach(header -> {
            if (!RESPONSE_DROPPED.contains(header.getKey().toLowerCase(Locale.ROOT))) {
                response.add(header.getKey(), header.getValue());
            }
        });
    }
}
