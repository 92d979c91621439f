package io.techo.record.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The decision client against a real HTTP server standing in for the consent-service's decision endpoint. */
class ConsentClientTest {

    private static final DecisionQuery QUERY = new DecisionQuery("patient-1", "0190d1a4-7c3e-7a2b-9c1d-2e3f4a5b6c7d",
            "weight", "TREAT", null);
    private static final Duration WAIT = Duration.ofSeconds(5);

    private final ObjectMapper json = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private final AtomicReference<Answer> answer = new AtomicReference<>();
    private final AtomicReference<Received> received = new AtomicReference<>();
    private Vertx vertx;
    private HttpServer server;
    private ConsentClient client;

    private record Answer(int status, String body) {
    }

    private record Received(String method, String path, String authorization, String contentType, JsonObject body) {
    }

    @BeforeEach
    void startServer() throws Exception {
        vertx = Vertx.vertx();
        server = vertx.createHttpServer().requestHandler(request -> request.body().onSuccess(body -> {
            received.set(new Received(request.method().name(), request.path(), request.getHeader("Authorization"),
                    request.getHeader("Content-Type"), body.length() == 0 ? null : body.toJsonObject()));
            Answer reply = answer.get();
            request.response().setStatusCode(reply.status()).putHeader("Content-Type", "application/json").end(reply.body());
        })).listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
        client = new ConsentClient(vertx, json, URI.create("http://127.0.0.1:" + server.actualPort()),
                Duration.ofSeconds(1), Duration.ofSeconds(2), 4);
    }

    @AfterEach
    void stop() throws Exception {
        client.close();
        vertx.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
    }

    @Test
    void postsTheQueryWithTheReadersTokenAndReadsTheDecision() {
        answer.set(new Answer(200, "{\"decision\":\"PERMIT\",\"reason\":\"grant\",\"grantId\":\"g-1\",\"decidedAt\":\"2026-11-25T00:00:00Z\"}"));

        ConsentDecision decision = client.decide("Bearer reader-token", QUERY).await().atMost(WAIT);

        assertThat(decision).isEqualTo(new ConsentDecision("PERMIT", "grant", "g-1"));
        Received request = received.get();
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo(ConsentClient.PATH);
        assertThat(request.authorization()).isEqualTo("Bearer reader-token");
        assertThat(request.contentType()).isEqualTo("application/json");
        assertThat(request.body().getString("ownerId")).isEqualTo("patient-1");
        assertThat(request.body().getString("recordId")).isEqualTo(QUERY.recordId());
        assertThat(request.body().getString("category")).isEqualTo("weight");
        assertThat(request.body().getString("purpose")).isEqualTo("TREAT");
    }

    @Test
    void anAnswerOtherThan200IsAFailureNotADecision() {
        answer.set(new Answer(500, "{\"decision\":\"PERMIT\"}"));

        assertThatThrownBy(() -> client.decide("Bearer t", QUERY).await().atMost(WAIT)).hasMessageContaining("answered 500");
    }

    @Test
    void aBodyThatIsNoDecisionIsAFailure() {
        answer.set(new Answer(200, "not json"));
        assertThatThrownBy(() -> client.decide("Bearer t", QUERY).await().atMost(WAIT)).hasMessageContaining("no decision");

        answer.set(new Answer(200, "{}"));
        assertThatThrownBy(() -> client.decide("Bearer t", QUERY).await().atMost(WAIT)).hasMessageContaining("no decision");
    }

    @Test
    void anUnreachableServiceIsAFailure() throws Exception {
        int port = server.actualPort();
        server.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
        ConsentClient closed = new ConsentClient(vertx, json, URI.create("http://127.0.0.1:" + port), Duration.ofSeconds(1),
                Duration.ofSeconds(2), 4);

        assertThatThrownBy(() -> closed.decide("Bearer t", QUERY).await().atMost(WAIT)).hasMessageContaining("Connection refused");
        closed.close();
    }
}
