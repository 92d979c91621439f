package io.techo.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.techo.client.keystore.DeviceKeys;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Key-based login (docs/protocol.md, "Login") and a token that is always fresh: a stored session is reused while it
 * stays valid for another minute, otherwise the device logs in again (challenge, signature, token) and stores the new
 * session in the profile.
 */
final class Authentication {

    static final Duration REFRESH_MARGIN = Duration.ofSeconds(60);
    private static final String LOGIN_DOMAIN = "techo-v1/login\n";

    private final GatewayHttp http;
    private final Profile profile;
    private final Supplier<DeviceKeys> keys;
    private final Clock clock;

    Authentication(GatewayHttp http, Profile profile, Supplier<DeviceKeys> keys, Clock clock) {
        this.http = http;
        this.profile = profile;
        this.keys = keys;
        this.clock = clock;
    }

    /** A token valid for at least another minute, logging in again when needed. */
    String token() {
        String accountId = accountId();
        return profile.session()
                .filter(session -> accountId.equals(session.accountId()) && session.validFor(REFRESH_MARGIN, Instant.now(clock)))
                .orElseGet(this::login)
                .accessToken();
    }

    /** Logs in now with the device's signing key and stores the session. */
    Session login() {
        String accountId = accountId();
        DeviceKeys device = keys.get();
        String challenge = http.post("/api/v1/auth/challenge", Map.of("accountId", accountId), null).path("challenge").asText(null);
        if (challenge == null) {
            throw new IntegrityException("the gateway answered the login challenge request without a challenge");
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("accountId", accountId);
        answer.put("challenge", challenge);
        answer.put("signature", Base64.getEncoder().encodeToString(device.sign((LOGIN_DOMAIN + challenge).getBytes(StandardCharsets.UTF_8))));
        answer.put("deviceKeyId", device.signingKeyId());
        JsonNode token = http.post("/api/v1/auth/token", answer, null);
        String accessToken = token.path("accessToken").asText(null);
        if (accessToken == null) {
            throw new IntegrityException("the gateway answered the login without an access token");
        }
        Instant expiresAt = token.hasNonNull("expiresAt") ? Instant.parse(token.get("expiresAt").asText())
                : Instant.now(clock).plusSeconds(token.path("expiresIn").asLong(0));
        Session session = new Session(accountId, JwtClaims.role(accessToken), accessToken, expiresAt);
        profile.saveSession(session);
        return session;
    }

    private String accountId() {
        return profile.accountId().orElseThrow(() -> new SetupException(
                "this profile (" + profile.directory() + ") is not registered yet: run `techo register` (patients), "
                        + "`techo register --ticket FILE` (clinicians) or `techo operator enroll ID` (operators)"));
    }
}
