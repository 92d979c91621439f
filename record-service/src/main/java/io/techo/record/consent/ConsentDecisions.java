package io.techo.record.consent;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.techo.common.problem.ProblemException;
import io.techo.common.problem.ProblemKind;
import io.techo.common.resilience.CircuitBreaker;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Asks for a decision on every non-owner read, with a bounded wait and a circuit breaker. Fails closed: when the
 * consent-service cannot answer, the read is refused with 503 + Retry-After, never permitted. (A plain Mutiny timeout
 * and the shared breaker rather than fault-tolerance interceptors: this call is on every clinician read, and the
 * interceptors' thread offloading and context capture cost more than the decision itself; the same reason made
 * {@link ConsentClient} a plain HTTP client.)
 */
@ApplicationScoped
public class ConsentDecisions {

    private final ConsentClient client;
    private final Duration timeout;
    private final CircuitBreaker breaker;

    public ConsentDecisions(ConsentClient client,
            @ConfigProperty(name = "techo.consent.timeout", defaultValue = "2s") Duration timeout,
            @ConfigProperty(name = "techo.consent.breaker-failures", defaultValue = "5") int breakerFailures,
            @ConfigProperty(name = "techo.consent.breaker-open-for", defaultValue = "5s") Duration breakerOpenFor) {
        this.client = client;
        this.timeout = timeout;
        this.breaker = new CircuitBreaker(breakerFailures, breakerOpenFor, Clock.systemUTC());
    }

    /**
     * The answer (or failure) is delivered back on the caller's Vert.x context: the HTTP client and the timeout
     * may complete elsewhere, and Hibernate Reactive keeps its session per context, so continuing on another one would
     * share a session between concurrent requests (found by the read benchmark, not by sequential tests).
     */
    public Uni<ConsentDecision> decide(String authorization, DecisionQuery query) {
        if (!breaker.refusal().isZero()) {
            return Uni.createFrom().failure(unavailable("circuit open after repeated failures"));
        }
        Context caller = Vertx.currentContext();
        Uni<ConsentDecision> asked = client.decide(authorization, query)
                .ifNoItem().after(timeout).failWith(() -> new TimeoutException("no decision within " + timeout.toMillis() + " ms"))
                .onItemOrFailure().invoke((decision, failure) -> {
                    if (failure == null) {
                        breaker.succeeded();
                    } else {
                        breaker.failed();
                    }
                })
                .onFailure().transform(e -> unavailable(e.toString()));
        return caller == null ? asked : asked.emitOn(command -> caller.runOnContext(ignored -> command.run()));
    }

    private static ProblemException unavailable(String cause) {
        Log.warnf("consent decision unavailable, read refused: %s", cause);
        return new ProblemException(ProblemKind.UNAVAILABLE, "the consent decision is unavailable; the read is refused, retry later");
    }
}
