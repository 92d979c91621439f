package io.techo.record;

import static io.techo.record.RecordApi.RECORDS;
import static io.techo.record.RecordApi.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.techo.common.events.EventTypes;
import io.techo.common.ids.RequestIds;
import io.techo.testkit.ExternalOrContainerInfra;
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
 * A request's correlation id and trace reach the events it causes: the outbox row remembers them, and the relay's
 * Kafka record carries {@code techo-request-id} and a {@code traceparent} in the same trace as the request's span.
 */
@QuarkusTest
@QuarkusTestResource(value = ExternalOrContainerInfra.class, restrictToAnnotatedClass = false)
class CorrelationTest {

    private static final Duration EVENT_WAIT = Duration.ofSeconds(30);

    @Inject
    InMemorySpanExporter spans;

    @Test
    void recordEventCarriesTheRequestIdAndContinuesTheRequestTrace() {
        TestPatient patient = new TestPatient();
        var sealed = patient.seal("blood-pressure", "{\"systolic\":120}".getBytes(StandardCharsets.UTF_8));
        String requestId = "req-" + UUID.randomUUID();
        String callerTrace = TraceContexts.newTraceparent();
        String traceId = TraceContexts.traceId(callerTrace);

        as(patient.token()).header(RequestIds.HEADER, requestId).header("traceparent", callerTrace)
                .body(sealed.body()).post(RECORDS)
                .then().statusCode(201).header(RequestIds.HEADER, requestId);

        ConsumerRecord<String, String> event = TopicReader.recordsWithKey(EventTypes.RECORDS_TOPIC, patient.accountId(),
                r -> !r.isEmpty(), EVENT_WAIT).get(0);
        assertThat(TopicReader.header(event, RequestIds.KAFKA_HEADER)).isEqualTo(requestId);
        String eventTrace = TopicReader.header(event, "traceparent");
        assertThat(TraceContexts.traceId(eventTrace)).isEqualTo(traceId);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            SpanData post = spans.getFinishedSpanItems().stream()
                    .filter(s -> s.getKind() == SpanKind.SERVER && s.getTraceId().equals(traceId))
                    .findFirst().orElseThrow(() -> new AssertionError("no server span in trace " + traceId));
            assertThat(post.getParentSpanId()).isEqualTo(TraceContexts.spanId(callerTrace));
            SpanData send = spans.getFinishedSpanItems().stream()
                    .filter(s -> s.getSpanId().equals(TraceContexts.spanId(eventTrace)))
                    .findFirst().orElseThrow(() -> new AssertionError("no span " + eventTrace));
            assertThat(send.getKind()).isEqualTo(SpanKind.PRODUCER);
            assertThat(send.getTraceId()).isEqualTo(traceId);
        });
    }

    @Test
    void aRequestWithoutAnIdGetsOneAndItsEventsCarryIt() {
        TestPatient patient = new TestPatient();
        var sealed = patient.seal("weight", "{\"kg\":70}".getBytes(StandardCharsets.UTF_8));

        String requestId = as(patient.token()).body(sealed.body()).post(RECORDS)
                .then().statusCode(201).extract().header(RequestIds.HEADER);

        assertThat(requestId).matches("[0-9a-f-]{36}");
        ConsumerRecord<String, String> event = TopicReader.recordsWithKey(EventTypes.RECORDS_TOPIC, patient.accountId(),
                r -> !r.isEmpty(), EVENT_WAIT).get(0);
        assertThat(TopicReader.header(event, RequestIds.KAFKA_HEADER)).isEqualTo(requestId);
    }
}
