package io.techo.gateway.proxy;

import io.smallrye.mutiny.Uni;
import io.techo.common.problem.ProblemException;
import io.techo.common.problem.ProblemKind;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import jakarta.inject.Singleton;
import java.time.Duration;

/**
 * The gateway's own small calls to a service (directory look-up, OpenAPI documents): bounded by the upstream's
 * timeouts and guarded by its circuit breaker; a refusal or failure is a 503 problem.
 */
@Singleton
public class UpstreamCalls {

    private final Routes routes;

    public UpstreamCalls(Routes routes) {
        this.routes = routes;
    }

    public record Fetched(int status, Buffer body) {
    }

    public Uni<Fetched> get(Upstream upstream, String pathAndQuery, MultiMap headers) {
        Duration wait = upstream.breaker().refusal();
        if (!wait.isZero()) {
            return Uni.createFrom().failure(unavailable(upstream));
        }
        return Uni.createFrom().completionStage(() -> routes.client()
                        .request(upstream.request(HttpMethod.GET, pathAndQuery).setHeaders(headers)
                                .setTimeout(upstream.responseTimeout().toMillis()))
                        .compose(request -> request.send().compose(this::readBody))
                        .toCompletionStage())
                .onItem().invoke(fetched -> {
                    if (fetched.status() >= 500) {
                        upstream.breaker().failed();
                    } else {
                        upstream.breaker().succeeded();
                    }
                })
                .onFailure().transform(failure -> {
                    upstream.breaker().failed();
                    return unavailable(upstream);
                });
    }

    private io.vertx.core.Future<Fetched> readBody(HttpClientResponse response) {
        return response.body().map(body -> new Fetched(response.statusCode(), body));
    }

    static ProblemException unavailable(Upstream upstream) {
        return new ProblemException(ProblemKind.UNAVAILABLE, upstream.name() + " is unavailable; retry shortly");
    }
}
