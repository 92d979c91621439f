package io.techo.kit.context;

import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.techo.common.ids.RequestIds;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.jboss.logging.MDC;

/**
 * What caused an event: the correlation id of the request and the W3C {@code traceparent} of the span that wrote it.
 * Captured when the event enters the outbox, so callers need not pass it; either part is null when there is none (a
 * scheduled job has no request; with tracing off there is no span).
 *
 * @param requestId   the request's {@code X-Request-Id}, or null
 * @param traceparent the writing span as a W3C trace-context {@code traceparent} value, or null
 */
public record EventOrigin(String requestId, String traceparent) {

    public static final String TRACEPARENT = "traceparent";

    private static final TextMapGetter<String> TRACEPARENT_ONLY = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(String carrier) {
            return Set.of(TRACEPARENT);
        }

        @Override
        public String get(String carrier, String key) {
            return TRACEPARENT.equals(key) ? carrier : null;
        }
    };

    /** The origin of whatever the current request, span or job writes now. */
    public static EventOrigin current() {
        Object requestId = MDC.get(RequestIds.MDC_KEY);
        Map<String, String> trace = new HashMap<>();
        W3CTraceContextPropagator.getInstance().inject(Context.current(), trace, Map::put);
        return new EventOrigin(requestId == null ? null : requestId.toString(), trace.get(TRACEPARENT));
    }

    /** The trace context to continue when publishing the event: the writing span, or the root context when none. */
    public Context traceContext() {
        if (traceparent == null) {
            return Context.root();
        }
        return W3CTraceContextPropagator.getInstance().extract(Context.root(), traceparent, TRACEPARENT_ONLY);
    }
}
