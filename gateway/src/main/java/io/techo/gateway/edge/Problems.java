package io.techo.gateway.edge;

import io.techo.common.problem.Problem;
import io.techo.common.problem.ProblemKind;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.Json;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;

/** Answers from the gateway's own Vert.x handlers as RFC 9457 problem+json, with the headers a client needs. */
public final class Problems {

    private Problems() {
    }

    public static void respond(RoutingContext context, ProblemKind kind, String detail) {
        HttpServerResponse response = context.response();
        if (response.ended() || response.headWritten()) {
            context.request().connection().close();
            return;
        }
        if (kind == ProblemKind.UNAUTHENTICATED) {
            response.putHeader("WWW-Authenticate", "Bearer");
        }
        response.setStatusCode(kind.status()).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .end(Json.encode(Problem.of(kind, detail, context.request().path())));
    }

    /** A 429 or 503 with {@code Retry-After} in whole seconds (at least 1). */
    public static void retryLater(RoutingContext context, ProblemKind kind, String detail, Duration wait) {
        if (!context.response().headWritten()) {
            context.response().putHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds(wait)));
        }
        respond(context, kind, detail);
    }

    public static long retryAfterSeconds(Duration wait) {
        return Math.max(1, (wait.toMillis() + 999) / 1000);
    }
}
