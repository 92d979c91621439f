package io.techo.kit.context;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.techo.common.ids.RequestIds;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.MDC;

/**
 * Puts the request's correlation id (the gateway's {@code X-Request-Id}, or a fresh one for a direct call) in the
 * logging MDC before anything else handles the request, and echoes it on the response. Quarkus keeps the MDC in the
 * request's Vert.x context, so it follows the request across reactive steps and worker threads: log lines carry it,
 * and the outbox stamps it on the events the request causes ({@link EventOrigin}).
 */
@ApplicationScoped
public class RequestIdFilter {

    /** Ahead of every other filter (higher runs earlier). */
    private static final int PRIORITY = 10_000;

    void install(@Observes Filters filters) {
        filters.register(context -> {
            String requestId = RequestIds.acceptOrGenerate(context.request().getHeader(RequestIds.HEADER));
            MDC.put(RequestIds.MDC_KEY, requestId);
            context.addHeadersEndHandler(ignored -> context.response().headers().set(RequestIds.HEADER, requestId));
            context.next();
        }, PRIORITY);
    }
}
