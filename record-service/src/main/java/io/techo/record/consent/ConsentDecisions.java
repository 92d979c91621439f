package io.techo.record.consent;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.techo.common.problem.ProblemException;
import io.techo.common.problem.ProblemKind;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Asks for a decision on every non-owner read, with a bounded wait and a circuit breaker. Fails closed: when the
 * consent-service cannot answer, the read is refused with 503 + Retry-After, never permitted.
 */
@ApplicationScoped
public class ConsentDecisions {

    private final ConsentClient client;

    public ConsentDecisions(@RestClient ConsentClient client) {
        this.client = client;
    }

    /**
     * The answer (or failure) is delivered back on the caller's Vert.x context: the REST client and the fault-tolerance
     * timer complete elsewhere, and Hibernate Reactive keeps its session per context, so continuing on another one
     * would share a session between concurrent requests (found by the read benchmark, not by sequential tests).
     */
    public Uni<ConsentDecision> decide(String authorization, DecisionQuery query) {
        Context caller = Vertx.currentContext();
        return ask(authorization, query)
                .emitOn(command -> caller.runOnContext(ignored -> command.run()))
                .onFailure().transform(e -> {
            Log.warnf("consent decision unavailable, read refused: %s", e.toString());
            return new ProblemException(ProblemKind.UNAVAILABLE, "the consent decision is unavailable; the read is refused, retry later");
        });
    }

    @Timeout(value = 2000)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5000)
    Uni<ConsentDecision> ask(String authorization, DecisionQuery query) {
        return client.decide(authorization, query);
    }
}
