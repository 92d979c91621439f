package io.techo.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * An upstream that fails in the middle of its body — its connection drops, or it stalls past the response timeout —
 * makes the gateway close the client's connection, so the client sees a failed exchange instead of a 200 whose
 * announced body never completes.
 */
@QuarkusTest
@TestProfile(UpstreamFailsMidBodyTest.StallingNode.class)
@QuarkusTestResource(value = GatewayTestServices.class, restrictToAnnotatedClass = false)
class UpstreamFailsMidBodyTest {

    private static final HttpServer NODE = cuttingNode();

    public static class StallingNode implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("techo.gateway.upstreams.iost-url", "http://127.0.0.1:" + NODE.getAddress().getPort(),
                    "techo.gateway.upstreams.response-timeout", "3s");
        }
    }

    @AfterAll
    static void stopNode() {
        NODE.stop(0);
    }

    @Test
    void aBodyCutShortClosesTheClientsConnection() throws Exception {
        assertFailsWithin(Duration.ofSeconds(10), "/api/v1/chain/tx/dropped");
    }

    @Test
    void aBodyStalledPastTheResponseTimeoutClosesTheClientsConnection() throws Exception {
        // the node holds the rest of this body for 30 s; the gateway notices within two of its 3 s timeouts
        assertFailsWithin(Duration.ofSeconds(15), "/api/v1/chain/tx/stalled");
    }

    private static void assertFailsWithin(Duration limit, String path) throws Exception {
        String token = GatewayApi.newPatient().token();
        HttpRequest lookup = HttpRequest.newBuilder(URI.create(RestAssured.baseURI + ":" + RestAssured.port + path))
                .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(20)).GET().build();
        long start = System.nanoTime();
        CompletableFuture<HttpResponse<String>> answer = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .sendAsync(lookup, HttpResponse.BodyHandlers.ofString());

        Throwable failure = null;
        try {
            answer.get(40, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            failure = e.getCause();
        }
        assertThat(failure).as("a body cut short is a failed exchange").isInstanceOf(IOException.class)
                .isNotInstanceOf(HttpTimeoutException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("closed by the gateway, not left waiting for the rest")
                .isLessThan(limit);
    }

    /**
     * Announces 1,000 bytes and sends 10; then drops the connection half a second later ({@code …/dropped}) or holds
     * it for 30 s ({@code …/stalled}).
     */
    private static HttpServer cuttingNode() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
            server.setExecutor(Executors.newCachedThreadPool());
            server.createContext("/", exchange -> {
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, 1000);
                OutputStream body = exchange.getResponseBody();
                body.write("{\"status\":".getBytes());
                body.flush();
                try {
                    Thread.sleep(exchange.getRequestURI().getPath().endsWith("/stalled") ? 30_000 : 500);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                exchange.close(); // the body is short of its length: the server closes the connection
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
