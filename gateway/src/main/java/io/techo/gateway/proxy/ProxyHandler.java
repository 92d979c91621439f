package io.techo.gateway.proxy;

import io.techo.common.problem.ProblemKind;
import io.techo.gateway.auth.AccessTokens;
import io.techo.gateway.edge.EdgeFilter;
import io.techo.gateway.edge.Problems;
import io.techo.gateway.edge.RateLimits;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.impl.HttpServerRequestInternal;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Routes {@code /api/v1/…} to the services: verifies the gateway's own token (except on open routes), applies the
 * per-account rate limit, then streams the request to the service and the answer back, within the upstream's
 * timeouts and behind its circuit breaker. Paths it does not route fall through to the gateway's own resources
 * (login) or a 404.
 */
@Singleton
public class ProxyHandler {

    /** What a client should wait after an upstream failed without the breaker opening. */
    private static final Duration RETRY_AFTER_FAILURE = Duration.ofSeconds(2);
    /** What a client should wait when its request was shed because the upstream was at capacity. */
    private static final Duration RETRY_AFTER_OVERLOAD = Duration.ofSeconds(1);
    private static final String BEARER = "bearer ";
    /** Where Quarkus's HTTP metrics look for a request's path template (the uri tag), in the request's context. */
    private static final String URL_PATH_TEMPLATE = "UrlPathTemplate";
    /** Encoded '/', '\\' or '.': a path that would mean something else once a service decodes it. */
    private static final Pattern ENCODED_SEPARATOR = Pattern.compile("%(2f|5c|2e)", Pattern.CASE_INSENSITIVE);

    private final Routes routes;
    private final AccessTokens tokens;
    private final RateLimits limits;
    private final long maxBodyBytes;

    public ProxyHandler(Routes routes, AccessTokens tokens, RateLimits limits, EdgeFilter edge) {
        this.routes = routes;
        this.tokens = tokens;
        this.limits = limits;
        this.maxBodyBytes = edge.maxBodyBytes();
    }

    void install(@Observes Router router) {
        router.route("/api/v1/*").order(0).handler(this::handle);
    }

    private void handle(RoutingContext context) {
        String path = context.normalizedPath();
        Optional<Routes.Route> route = routes.find(path);
        if (route.isEmpty()) {
            context.next();
            return;
        }
        tagMetricsWithTheRoute(context, route.get(), path);
        if (ENCODED_SEPARATOR.matcher(path).find()) {
            Problems.respond(context, ProblemKind.NOT_FOUND, "no such resource");
            return;
        }
        if (!route.get().open()) {
            Optional<JsonWebToken> token = bearer(context.request()).flatMap(tokens::verify);
            if (token.isEmpty()) {
                Problems.respond(context, ProblemKind.UNAUTHENTICATED, "a valid bearer token issued by this gateway is required");
                return;
            }
            Duration wait = limits.forAccount(token.get().getSubject());
            if (!wait.isZero()) {
                Problems.retryLater(context, ProblemKind.TOO_MANY_REQUESTS, "too many requests for this account", wait);
                return;
            }
        }
        forward(context, route.get().upstream(), route.get().upstreamPath(path));
    }

    /**
     * Requests are counted per route, not per path: a uri tag per record id would be a time series per record, until
     * Micrometer's cap on uri tags drops every later one.
     */
    private static void tagMetricsWithTheRoute(RoutingContext context, Routes.Route route, String path) {
        String template = path.equals(route.prefix()) ? route.prefix() : route.prefix() + "/*";
        ((HttpServerRequestInternal) context.request()).context().putLocal(URL_PATH_TEMPLATE, template);
    }

    private static Optional<String> bearer(HttpServerRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || header.length() <= BEARER.length() || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Optional.empty();
        }
        return Optional.of(header.substring(BEARER.length()).trim());
    }

    private void forward(RoutingContext context, Upstream upstream, String path) {
        Duration refusal = upstream.breaker().refusal();
        if (!refusal.isZero()) {
            Problems.retryLater(context, ProblemKind.UNAVAILABLE, upstream.name() + " is unavailable; retry shortly", refusal);
            return;
        }
        if (!upstream.admission().tryEnter()) {
            // shed, not failed: the upstream is answering, just not faster than this; its breaker stays closed
            Problems.retryLater(context, ProblemKind.UNAVAILABLE, upstream.name() + " is at capacity; retry shortly",
                    RETRY_AFTER_OVERLOAD);
            return;
        }
        context.addEndHandler(ended -> upstream.admission().leave());
        HttpServerRequest in = context.request();
        in.pause();
        MultiMap headers = ForwardedHeaders.request(in.headers());
        headers.set("X-Forwarded-For", in.remoteAddress() == null ? "" : in.remoteAddress().host());
        headers.set("X-Forwarded-Proto", in.scheme());
        String uri = path + (in.query() == null ? "" : "?" + in.query());
        routes.client().request(upstream.request(in.method(), uri).setHeaders(headers)).onComplete(opened -> {
            if (opened.failed()) {
                upstreamFailed(context, upstream);
                return;
            }
            HttpClientRequest out = opened.result();
            out.response().onComplete(answered -> {
                if (answered.failed()) {
                    upstreamFailed(context, upstream);
                } else {
                    relay(context, upstream, answered.result());
                }
            });
            sendBody(context, in, out);
        });
    }

    /** Streams the request body, refusing it with 413 once it passes the limit (a body without Content-Length). */
    private void sendBody(RoutingContext context, HttpServerRequest in, HttpClientRequest out) {
        if (in.getHeader(HttpHeaders.CONTENT_LENGTH) == null && in.headers().contains(HttpHeaders.TRANSFER_ENCODING)) {
            out.setChunked(true);
        }
        if (in.isEnded()) {
            out.end();
            return;
        }
        long[] received = {0};
        in.handler(chunk -> {
            received[0] += chunk.length();
            if (received[0] > maxBodyBytes) {
                in.handler(null);
                out.reset();
                context.response().putHeader(HttpHeaders.CONNECTION, "close");
                Problems.respond(context, ProblemKind.PAYLOAD_TOO_LARGE, "the request body exceeds " + maxBodyBytes + " bytes");
                return;
            }
            out.write(chunk);
            if (out.writeQueueFull()) {
                in.pause();
                out.drainHandler(ignored -> in.resume());
            }
        });
        in.endHandler(ignored -> {
            if (received[0] <= maxBodyBytes) {
                out.end();
            }
        });
        in.exceptionHandler(ignored -> out.reset());
        in.resume();
    }

    private static void relay(RoutingContext context, Upstream upstream, HttpClientResponse answer) {
        if (answer.statusCode() >= 500) {
            upstream.breaker().failed();
        } else {
            upstream.breaker().succeeded();
        }
        HttpServerResponse response = context.response();
        if (response.ended() || response.headWritten()) {
            answer.request().reset();
            return;
        }
        response.setStatusCode(answer.statusCode());
        ForwardedHeaders.copyResponse(answer.headers(), response.headers());
        if (!response.headers().contains(HttpHeaders.CONTENT_LENGTH)) {
            response.setChunked(true);
        }
        long stallWatch = resetWhenStalled(context, upstream, answer);
        answer.pipe().endOnFailure(false).to(response)
                .onComplete(done -> context.vertx().cancelTimer(stallWatch))
                .onFailure(failure -> {
                    if (response.closed()) {
                        // the client went away: stop fetching what nobody will read; not the upstream's fault
                        answer.request().reset();
                    } else {
                        // the upstream failed mid-body (a dropped connection, a stall): closing the client's
                        // connection shows it a failed exchange, where ending the response would leave it waiting
                        // for the rest of a body its Content-Length announced
                        upstream.breaker().failed();
                        response.reset();
                    }
                });
    }

    /**
     * The upstream's response timeout covers the wait for its headers only; this covers its body: when nothing more
     * of it has been passed on for a whole timeout period, and not because the client is slow to read (then the
     * client's write queue is full), the upstream's stream is reset, which fails the relay. A stalled body would
     * otherwise hold the client and one of the upstream's admission slots for as long as the upstream keeps its
     * connection open.
     */
    private static long resetWhenStalled(RoutingContext context, Upstream upstream, HttpClientResponse answer) {
        HttpServerResponse response = context.response();
        long[] passedOn = {-1};
        return context.vertx().setPeriodic(upstream.responseTimeout().toMillis(), timer -> {
            long written = response.bytesWritten();
            if (written != passedOn[0] || response.writeQueueFull()) {
                passedOn[0] = written;
                return;
            }
            context.vertx().cancelTimer(timer);
            answer.request().reset();
        });
    }

    private static void upstreamFailed(RoutingContext context, Upstream upstream) {
        upstream.breaker().failed();
        Duration refusal = upstream.breaker().refusal();
        Problems.retryLater(context, ProblemKind.UNAVAILABLE, upstream.name() + " did not answer; retry shortly",
                refusal.isZero() ? RETRY_AFTER_FAILURE : refusal);
    }
}
