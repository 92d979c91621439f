package io.techo.kit.rest;

import io.quarkus.runtime.configuration.MemorySize;
import io.techo.common.problem.Problem;
import io.techo.common.problem.ProblemKind;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses a declared body over {@code quarkus.http.limits.max-body-size} with problem+json before it is read.
 * (Vert.x itself would answer a bare 413; a chunked body without Content-Length still gets that one.)
 */
@Singleton
public class BodyLimitProblem {

    private final long maxBodyBytes;

    public BodyLimitProblem(@ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBodySize) {
        this.maxBodyBytes = maxBodySize.asLongValue();
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::checkDeclaredLength);
    }

    private void checkDeclaredLength(RoutingContext context) {
        String declared = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (declared != null && declared.chars().allMatch(Character::isDigit) && declared.length() < 19
                && Long.parseLong(declared) > maxBodyBytes) {
            Problem problem = Problem.of(ProblemKind.PAYLOAD_TOO_LARGE,
                    "the request body exceeds " + maxBodyBytes + " bytes", context.request().path());
            context.response().setStatusCode(413).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    .putHeader(HttpHeaders.CONNECTION, "close").end(Json.encode(problem));
            return;
        }
        context.next();
    }
}
