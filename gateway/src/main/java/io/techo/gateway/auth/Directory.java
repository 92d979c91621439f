package io.techo.gateway.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.techo.common.crypto.KeyIds;
import io.techo.common.problem.ProblemException;
import io.techo.common.problem.ProblemKind;
import io.techo.gateway.config.GatewayConfig;
import io.techo.gateway.proxy.Routes;
import io.techo.gateway.proxy.UpstreamCalls;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Who may log in, and with which keys: patients and clinicians from the consent-service directory
 * ({@code GET /api/v1/parties/{id}}, with the gateway's own token) — their ACTIVE signing keys only — and
 * operators from the gateway's configuration (operators are not directory parties).
 */
@Singleton
public class Directory {

    /** A login-capable account: its role claim and its active Ed25519 signing keys by key id. */
    public record Account(String id, String role, List<SigningKey> signingKeys) {
    }

    public record SigningKey(String keyId, byte[] publicKey) {
    }

    private final Routes routes;
    private final UpstreamCalls calls;
    private final AccessTokens tokens;
    private final ObjectMapper json;
    private final Map<String, String> operators;

    public Directory(Routes routes, UpstreamCalls calls, AccessTokens tokens, ObjectMapper json, GatewayConfig config) {
        this.routes = routes;
        this.calls = calls;
        this.tokens = tokens;
        this.json = json;
        this.operators = operators(config.operators().orElse(List.of()));
    }

    private static Map<String, String> operators(List<String> entries) {
        Map<String, String> operators = new HashMap<>();
        for (String entry : entries) {
            int separator = entry.indexOf('=');
            if (separator < 1) {
                throw new IllegalStateException("TECHO_GATEWAY_OPERATORS: each entry is accountId=base64 Ed25519 public key");
            }
            operators.put(entry.substring(0, separator).trim(), entry.substring(separator + 1).trim());
        }
        return Map.copyOf(operators);
    }

    /** The account, or empty if it is unknown or may not log in (a facility). */
    public Uni<Optional<Account>> account(String accountId) {
        String operatorKey = operators.get(accountId);
        if (operatorKey != null) {
            byte[] key = Base64.getDecoder().decode(operatorKey.trim());
            return Uni.createFrom().item(Optional.of(new Account(accountId, "operator",
                    List.of(new SigningKey(KeyIds.of(key), key)))));
        }
        MultiMap headers = MultiMap.caseInsensitiveMultiMap()
                .add(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.serviceToken())
                .add(HttpHeaders.ACCEPT, "application/json");
        return calls.get(routes.consent(), "/api/v1/parties/" + URLEncoder.encode(accountId, StandardCharsets.UTF_8), headers)
                .map(fetched -> {
                    if (fetched.status() == 404 || fetched.status() == 400) {
                        return Optional.<Account>empty();
                    }
                    if (fetched.status() != 200) {
                        throw new ProblemException(ProblemKind.UNAVAILABLE, "the directory is unavailable; retry shortly");
                    }
                    return parse(fetched.body().getBytes());
                });
    }

    private Optional<Account> parse(byte[] body) {
        JsonNode party;
        try {
            party = json.readTree(body);
        } catch (IOException e) {
            throw new ProblemException(ProblemKind.UNAVAILABLE, "the directory answered unreadably; retry shortly");
        }
        String role = switch (party.path("kind").asText()) {
            case "PATIENT" -> "patient";
            case "CLINICIAN" -> "clinician";
            default -> null;
        };
        if (role == null) {
            return Optional.empty();
        }
        List<SigningKey> keys = new ArrayList<>();
        for (JsonNode key : party.path("keys")) {
            if ("SIGNING".equals(key.path("use").asText()) && "ACTIVE".equals(key.path("status").asText())) {
                keys.add(new SigningKey(key.path("keyId").asText(), Base64.getDecoder().decode(key.path("publicKey").asText())));
            }
        }
        return Optional.of(new Account(party.path("id").asText(), role, keys));
    }
}
