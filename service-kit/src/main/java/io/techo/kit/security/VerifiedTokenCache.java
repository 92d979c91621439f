package io.techo.kit.security;

import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipal;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Verifies each distinct bearer token once and remembers the result until the token expires. A device reuses its
 * token for every request of its (≤ 15 min) lifetime, and the JDK's Ed25519 verification costs about 0.7 ms of CPU —
 * the largest single cost of a consent-checked read in the benchmark's profile. Only tokens that passed full
 * verification (signature, issuer, expiry) are remembered, keyed by their exact text; an expired entry is never used.
 */
@ApplicationScoped
@Alternative
@Priority(1)
public class VerifiedTokenCache extends JWTCallerPrincipalFactory {

    private static final int MAX_ENTRIES = 50_000;

    private final JWTCallerPrincipalFactory verifier = new DefaultJWTCallerPrincipalFactory();
    private final Map<String, JWTCallerPrincipal> verified = new ConcurrentHashMap<>();

    @Override
    public JWTCallerPrincipal parse(String token, JWTAuthContextInfo context) throws ParseException {
        long nowSeconds = System.currentTimeMillis() / 1000;
        JWTCallerPrincipal cached = verified.get(token);
        if (cached != null && cached.getExpirationTime() > nowSeconds) {
            return cached;
        }
        JWTCallerPrincipal principal = verifier.parse(token, context);
        if (verified.size() >= MAX_ENTRIES) {
            verified.values().removeIf(entry -> entry.getExpirationTime() <= nowSeconds);
            if (verified.size() >= MAX_ENTRIES) {
                verified.clear();
            }
        }
        verified.put(token, principal);
        return principal;
    }
}
