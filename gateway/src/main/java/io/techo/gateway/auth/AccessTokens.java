package io.techo.gateway.auth;

import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import io.smallrye.jwt.build.Jwt;
import io.techo.gateway.config.GatewayConfig;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Issues and verifies the gateway's access tokens: JWS EdDSA with the gateway key, issuer and audience set,
 * {@code sub} = account id, {@code groups} = [role], {@code cnf.jwk} = the device's Ed25519 key (RFC 7800) exactly as
 * service-kit's CallerResolver reads it. Verification pins the algorithm, the key, the issuer and the audience.
 */
@Singleton
public class AccessTokens {

    /** The subject of the tokens the gateway mints for its own calls (directory look-ups). */
    public static final String GATEWAY_SUBJECT = "techo-gateway";
    private static final Duration SERVICE_TOKEN_LIFETIME = Duration.ofMinutes(5);
    private static final int MAX_REMEMBERED_TOKENS = 50_000;

    private final TokenKeys keys;
    private final GatewayConfig.Token config;
    private final JWTParser parser;
    private final Clock clock = Clock.systemUTC();
    private final Map<String, JsonWebToken> verified = new ConcurrentHashMap<>();
    private volatile IssuedToken serviceToken;

    public AccessTokens(TokenKeys keys, GatewayConfig config) {
        this.keys = keys;
        this.config = config.token();
        JWTAuthContextInfo context = new JWTAuthContextInfo(keys.publicKey(), this.config.issuer());
        context.setSignatureAlgorithm(Set.of(SignatureAlgorithm.EDDSA));
        context.setExpectedAudience(Set.of(this.config.audience()));
        context.setRelaxVerificationKeyValidation(false);
        this.parser = new DefaultJWTParser(context);
    }

    public record IssuedToken(String token, Instant expiresAt) {
    }

    /** A device's access token. */
    public IssuedToken issue(String accountId, String role, byte[] deviceKey) {
        Instant now = clock.instant();
        Instant expiresAt = now.plus(config.lifetime());
        String token = Jwt.issuer(config.issuer()).audience(config.audience()).subject(accountId).groups(role)
                .claim("cnf", Map.of("jwk", Map.of("kty", "OKP", "crv", "Ed25519",
                        "x", Base64.getUrlEncoder().withoutPadding().encodeToString(deviceKey))))
                .issuedAt(now).expiresAt(expiresAt)
                .jws().algorithm(SignatureAlgorithm.EDDSA).sign(keys.privateKey());
        return new IssuedToken(token, expiresAt);
    }

    /** The gateway's own token for the directory look-up at login; reused until a minute before it expires. */
    public String serviceToken() {
        IssuedToken current = serviceToken;
        Instant now = clock.instant();
        if (current == null || now.plus(Duration.ofMinutes(1)).isAfter(current.expiresAt())) {
            Instant expiresAt = now.plus(SERVICE_TOKEN_LIFETIME);
            current = new IssuedToken(Jwt.issuer(config.issuer()).audience(config.audience()).subject(GATEWAY_SUBJECT)
                    .groups("gateway").issuedAt(now).expiresAt(expiresAt)
                    .jws().algorithm(SignatureAlgorithm.EDDSA).sign(keys.privateKey()), expiresAt);
            serviceToken = current;
        }
        return current.token();
    }

    /**
     * The verified token, or empty if it is not one this gateway issued and still valid. A token that passed full
     * verification is remembered by its exact text until its own expiry, as the services do (ADR 0006).
     */
    public Optional<JsonWebToken> verify(String token) {
        long nowSeconds = clock.instant().getEpochSecond();
        JsonWebToken known = verified.get(token);
        if (known != null && known.getExpirationTime() > nowSeconds) {
            return Optional.of(known);
        }
        try {
            JsonWebToken parsed = parser.parse(token);
            if (verified.size() >= MAX_REMEMBERED_TOKENS) {
                verified.values().removeIf(entry -> entry.getExpirationTime() <= nowSeconds);
                if (verified.size() >= MAX_REMEMBERED_TOKENS) {
                    verified.clear();
                }
            }
            verified.put(token, parsed);
            return Optional.of(parsed);
        } catch (ParseException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
