package io.techo.bench;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.net.URI;
import java.util.concurrent.CompletableFuture;

/**
 * The load generator's HTTP client: Vert.x (Netty) with pooled keep-alive connections on two event loops; the JDK
 * HttpClient funnels all I/O through one selector thread and became the bottleneck itself at a few hundred requests
 * per second. Over HTTPS it trusts the gateway's self-signed certificate of this run.
 */
final class HttpLoad implements AutoCloseable {

    private static final int TIMEOUT_MS = 10_000;

    private final Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2));
    private final HttpClient http;

    HttpLoad(URI base, int connections) {
        boolean tls = "https".equals(base.getScheme());
        HttpClientOptions options = new HttpClientOptions().setDefaultHost(base.getHost()).setDefaultPort(base.getPort())
                .setKeepAlive(true).setSsl(tls).setTrustAll(tls).setVerifyHost(false);
        http = vertx.createHttpClient(options, new PoolOptions().setHttp1MaxSize(connections).setMaxWaitQueueSize(-1));
    }

    CompletableFuture<Boolean> post(String path, String token, Buffer json, int expectedStatus) {
        return send(new RequestOptions().setMethod(HttpMethod.POST).setURI(path).putHeader("Content-Type", "application/json"),
                token, json, expectedStatus);
    }

    CompletableFuture<Boolean> get(String path, String token, int expectedStatus) {
        return send(new RequestOptions().setMethod(HttpMethod.GET).setURI(path), token, null, expectedStatus);
    }

    private CompletableFuture<Boolean> send(RequestOptions request, String token, Buffer body, int expectedStatus) {
        request.setTimeout(TIMEOUT_MS).putHeader("Authorization", "Bearer " + token);
        return http.request(request)
                .compose(req -> body == null ? req.send() : req.send(body))
                .compose(response -> response.body().map(ignored -> response.statusCode() == expectedStatus))
                .toCompletionStage().toCompletableFuture();
    }

    @Override
    public void close() {
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }
}
