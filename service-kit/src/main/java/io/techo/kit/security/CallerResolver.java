package io.techo.kit.security;

import io.techo.common.crypto.Ed25519;
import io.techo.common.problem.ProblemException;
import io.techo.common.problem.ProblemKind;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Turns the verified JWT (signature, issuer and expiry already checked by smallrye-jwt) into a {@link Caller}.
 * The device key comes from the RFC 7800 confirmation claim {@code cnf.jwk}, an OKP Ed25519 JWK.
 */
@RequestScoped
public class CallerResolver {

    private final JsonWebToken token;

    @Inject
    public CallerResolver(JsonWebToken token) {
        this.token = token;
    }

    public Caller current() {
        String subject = token.getSubject();
        if (subject == null || subject.isBlank()) {
            throw new ProblemException(ProblemKind.UNAUTHENTICATED, "the token has no subject");
        }
        return new Caller(subject, deviceKey());
    }

    private Optional<byte[]> deviceKey() {
        Map<String, Object> jwk = member(member(token.getClaim("cnf")).get("jwk"));
        if (jwk.isEmpty()) {
            return Optional.empty();
        }
        if (!"OKP".equals(text(jwk.get("kty"))) || !"Ed25519".equals(text(jwk.get("crv")))) {
            throw new ProblemException(ProblemKind.UNAUTHENTICATED, "cnf.jwk must be an OKP Ed25519 key");
        }
        try {
            byte[] key = Base64.getUrlDecoder().decode(text(jwk.get("x")));
            if (key.length != Ed25519.KEY_BYTES) {
                throw new ProblemException(ProblemKind.UNAUTHENTICATED, "cnf.jwk.x must be a 32-byte Ed25519 public key");
            }
            return Optional.of(key);
        } catch (IllegalArgumentException e) {
            throw new ProblemException(ProblemKind.UNAUTHENTICATED, "cnf.jwk.x is not base64url");
        }
    }

    /** A JSON object claim as a map, whichever representation the JWT library hands out; empty if absent. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> member(Object value) {
        if (value instanceof JsonObject object) {
            return (Map<String, Object>) (Map<String, ?>) object;
        }
        if (value instanceof Map<?, ?> map) {
            return (Map<String, Object>) map;
        }
        return Map.of();
    }

    private static String text(Object value) {
        if (value instanceof JsonString string) {
            return string.getString();
        }
        return value instanceof String string ? string : "";
    }
}
