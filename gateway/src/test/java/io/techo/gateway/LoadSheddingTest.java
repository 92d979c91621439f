package io.techo.gateway;

import static io.techo.gateway.GatewayApi.as;
import static io.techo.gateway.GatewayApi.expectProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * An upstream at capacity: the gateway keeps {@code max-connections} requests in it and {@code max-queued} waiting;
 * the rest are answered at once with 503 and Retry-After instead of waiting out the response timeout, and the
 * upstream's circuit stays closed (it is slow, not broken). The upstream here is a chain node that holds every
 * request until the test lets it answer.
 */
@QuarkusTest
@TestProfile(LoadSheddingTest.TwoConnectionsOneWaiting.class)
@QuarkusTestResource(value = GatewayTestServices.class, restrictToAnnotatedClass = false)
class LoadSheddingTest {

    private static final HeldNode NODE = new HeldNode();

    public static class TwoConnectionsOneWaiting implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("techo.gateway.upstreams.iost-url", NODE.url(),
                    "techo.gateway.upstreams.max-connections", "2",
                    "techo.gateway.upstreams.max-queued", "1");
        }
    }

    @AfterAll
    static void stopNode() {
        NODE.stop();
    }

    @Test
    void requestsBeyondTheConnectionsAndTheQueueAreShedAtOnceAndTheRestAreServed() throws Exception {
        String token = GatewayApi.newPatient().token();
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        List<CompletableFuture<HttpResponse<String>>> admitted = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            admitted.add(client.sendAsync(lookup(token, "held" + i), HttpResponse.BodyHandlers.ofString()));
        }
        assertThat(NODE.awaitHeld(2)).as("two requests reach the node and are held there").isTrue();
        // the third waits in the gateway's queue; it is not answered yet
        Thread.sleep(200);
        assertThat(admitted.get(2)).isNotDone();

        long start = System.nanoTime();
        expectProblem(as(token).get("/api/v1/chain/tx/shed").then().header("Retry-After", "1"), 503, "unavailable");
        assertThat(Duration.ofNanos(System.nanoTime() - start))
                .as("shed at once, not after the response timeout").isLessThan(Duration.ofSeconds(5));
        as(token).get("/api/v1/chain/tx/shed").then().statusCode(503)
                .body("detail", org.hamcrest.Matchers.containsString("at capacity"));
        assertThat(NODE.received()).as("a shed request never reaches the node").isEqualTo(2);

        NODE.release();
        for (CompletableFuture<HttpResponse<String>> response : admitted) {
            assertThat(response.get(30, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        }
        // several sheds did not open the node's circuit: the next lookup goes through
        as(token).get("/api/v1/chain/tx/after").then().statusCode(200);
        assertThat(NODE.received()).isEqualTo(4);
    }

    private static HttpRequest lookup(String token, String hash) {
        return HttpRequest.newBuilder(URI.create(RestAssured.baseURI + ":" + RestAssured.port + "/api/v1/chain/tx/" + hash))
                .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(60)).GET().build();
    }

    /** A stand-in chain node that answers 200 only once released; until then it holds every request. */
    static final class HeldNode {
        private final HttpServer server;
        private final CountDownLatch released = new CountDownLatch(1);
        private final AtomicInteger received = new AtomicInteger();
        private final java.util.concurrent.Semaphore held = new java.util.concurrent.Semaphore(0);

        HeldNode() {
            try {
                server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            server.setExecutor(Executors.newCachedThreadPool());
            server.createContext("/", exchange -> {
                received.incrementAndGet();
                held.release();
                try {
                    released.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                byte[] body = "{\"status\":\"IRREVERSIBLE\"}".getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }

        boolean awaitHeld(int requests) throws InterruptedException {
            return held.tryAcquire(requests, 30, TimeUnit.SECONDS);
        }

        int received() {
            return received.get();
        }

        void release() {
            released.countDown();
        }

        void stop() {
            release();
            server.stop(0);
        }
    }
}
