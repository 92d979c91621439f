package io.techo.gateway;

import static io.techo.gateway.GatewayApi.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.techo.common.events.EventTypes;
import io.techo.common.ids.RequestIds;
import io.techo.testkit.TestPatient;
import io.techo.testkit.TopicReader;
import io.techo.testkit.TraceContexts;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * One request, followed from the client through the gateway and the record-service into Kafka: the event carries the
 * client's {@code X-Request-Id}, and its {@code traceparent} is in the trace the gateway continued from the client.
 */
@QuarkusTest
@QuarkusTestResource(value = GatewayTestServices.class, restrictToAnnotatedClass = false)
class CorrelationTest {

    @Inject
    InMemorySpanExporter spans;

    @Test
    void theClientsRequestIdAndTraceReachTheRecordEvent() {
        GatewayApi.Patient registered = GatewayApi.newPatient();
        TestPatient patient = new TestPatient(registered.accountId(), registered.device());
        var sealed = patient.seal("glucose", "5.9 mmol/L".getBytes(StandardCharsets.UTF_8));
        String requestId = "req-" + UUID.randomUUID();
        String clientTrace = TraceContexts.newTraceparent();
        String traceId = TraceContexts.traceId(clientTrace);

        as(registered.token()).header(RequestIds.HEADER, requestId).header("traceparent", clientTrace)
                .body(sealed.body()).post("/api/v1/records")
                .then().statusCode(201).header(RequestIds.HEADER, requestId);

        ConsumerRecord<String, String> event = TopicReader.recordsWithKey(EventTypes.RECORDS_TOPIC,
                registered.accountId(), r -> !r.isEmpty(), Duration.ofSeconds(30)).get(0);
        assertThat(TopicReader.header(event, RequestIds.KAFKA_HEADER)).isEqualTo(requestId);
        assertThat(TraceContexts.traceId(TopicReader.header(event, "traceparent"))).isEqualTo(traceId);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            SpanData server = span(SpanKind.SERVER, traceId);
            assertThat(server.getParentSpanId()).isEqualTo(TraceContexts.spanId(clientTrace));
            assertThat(span(SpanKind.CLIENT, traceId).getParentSpanId()).isEqualTo(server.getSpanId());
        });
    }

    private SpanData span(SpanKind kind, String traceId) {
        return spans.getFinishedSpanItems().stream()
                .filter(s -> s.getKind() == kind && s.getTraceId().equals(traceId))
                .findFirst().orElseThrow(() -> new AssertionError("no " + kind + " span in trace " + traceId));
    }
}
