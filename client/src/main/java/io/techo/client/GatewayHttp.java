package io.techo.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.techo.common.problem.Problem;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * JSON over HTTP to the gateway, the only server the SDK talks to. Error answers become {@link ApiException} with the
 * server's problem+json; an unreachable gateway or a 503 becomes {@link UnavailableException} after two quick retries
 * (POSTs carry an {@code Idempotency-Key}, so a retried POST is not applied twice).
 */
public final class GatewayHttp {

    public static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final int ATTEMPTS = 3;
    private static final Duration LONGEST_RETRY_WAIT = Duration.ofSeconds(3);

    private final URI base;
    private final HttpClient client;
    private final Duration timeout;

    public GatewayHttp(URI gateway) {
        this(gateway, HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build(), Duration.ofSeconds(30));
    }

    public GatewayHttp(URI gateway, HttpClient client, Duration timeout) {
        String text = gateway.toString();
        this.base = URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
        this.client = client;
        this.timeout = timeout;
    }

    public URI base() {
        return base;
    }

    public JsonNode get(String path, Map<String, String> query, String token) {
        return send("GET", path + queryString(query), null, token);
    }

    public JsonNode post(String path, Object body, String token) {
        return send("POST", path, body, token);
    }

    public JsonNode delete(String path, String token) {
        return send("DELETE", path, null, token);
    }

    /** An answer's JSON as the SDK type it must be. */
    static <T> T convert(JsonNode node, Class<T> type) {
        try {
            return JSON.treeToValue(node, type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new IntegrityException("unexpected answer from the gateway: not a " + type.getSimpleName());
        }
    }

    private JsonNode send(String method, String pathAndQuery, Object body, String token) {
        HttpRequest request = request(method, pathAndQuery, body, token);
        UnavailableException last = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            HttpResponse<String> response;
            try {
                response = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            } catch (IOException e) {
                last = new UnavailableException("cannot reach the gateway at " + base + " (" + describe(e) + ")", e);
                pauseBeforeRetry(attempt, Duration.ofMillis(300L * attempt));
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new UnavailableException("interrupted while waiting for the gateway", e);
            }
            if (response.statusCode() == 503) {
                Problem problem = problemOf(response);
                last = new UnavailableException("the service is unavailable, retry later: "
                        + (problem.detail() != null ? problem.detail() : problem.title()));
                pauseBeforeRetry(attempt, retryAfter(response).orElse(Duration.ofMillis(500L * attempt)));
                continue;
            }
            if (response.statusCode() >= 400) {
                throw new ApiException(problemOf(response));
            }
            return parse(response.body(), method + " " + pathAndQuery);
        }
        throw last;
    }

    private HttpRequest request(String method, String pathAndQuery, Object body, String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + pathAndQuery))
                .timeout(timeout)
                .header("Accept", "application/json, application/problem+json");
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        if (body == null) {
            return builder.method(method, HttpRequest.BodyPublishers.noBody()).build();
        }
        try {
            return builder.header("Content-Type", "application/json")
                    .header("Idempotency-Key", UUID.randomUUID().toString())
                    .method(method, HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)))
                    .build();
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("request body is not serializable", e);
        }
    }

    private static JsonNode parse(String body, String what) {
        if (body == null || body.isBlank()) {
            return JSON.nullNode();
        }
        try {
            return JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new IntegrityException("the gateway's answer to " + what + " is not JSON");
        }
    }

    private static Problem problemOf(HttpResponse<String> response) {
        String contentType = response.headers().firstValue("Content-Type").orElse("");
        if (contentType.startsWith(Problem.MEDIA_TYPE) || contentType.startsWith("application/json")) {
            try {
                Problem problem = JSON.readValue(response.body(), Problem.class);
                if (problem.type() != null) {
                    return new Problem(problem.type(), problem.title(), response.statusCode(), problem.detail(),
                            problem.instance(), problem.reason());
                }
            } catch (JsonProcessingException notAProblem) {
                // fall through to a problem made from the status alone
            }
        }
        return new Problem("about:blank", "HTTP " + response.statusCode(), response.statusCode(),
                "the server answered " + response.statusCode() + " without a problem description", null, null);
    }

    private static Optional<Duration> retryAfter(HttpResponse<String> response) {
        try {
            return response.headers().firstValue("Retry-After").map(Long::parseLong).map(Duration::ofSeconds)
                    .map(wait -> wait.compareTo(LONGEST_RETRY_WAIT) > 0 ? LONGEST_RETRY_WAIT : wait);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static String queryString(Map<String, String> query) {
        if (query == null || query.isEmpty()) {
            return "";
        }
        Map<String, String> present = new LinkedHashMap<>();
        query.forEach((name, value) -> {
            if (value != null) {
                present.put(name, value);
            }
        });
        if (present.isEmpty()) {
            return "";
        }
        return "?" + present.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static String describe(IOException e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }

    private static void pauseBeforeRetry(int attempt, Duration wait) {
        if (attempt == ATTEMPTS) {
            return;
        }
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
