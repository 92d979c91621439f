package io.techo.gateway.auth;

import io.techo.common.crypto.Hex;
import io.techo.common.problem.ProblemException;
import io.techo.common.problem.ProblemKind;
import io.techo.gateway.config.GatewayConfig;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Login challenges (docs/protocol.md, "Login"): stateless to hand out — the gateway signs account id, nonce and
 * expiry — and single-use — an answered challenge's nonce is remembered until it expires. The memory is per
 * gateway instance (ADR 0010).
 */
@Singleton
public class LoginChallenges {

    /** What the gateway signs: domain, account id, nonce, expiry (epoch seconds), newline-separated. */
    static final String CHALLENGE_DOMAIN = "techo-v1/login-challenge";
    /** What the device signs: this line, a newline, then the challenge string exactly as received. */
    public static final String ANSWER_DOMAIN = "techo-v1/login";
    private static final int NONCE_BYTES = 16;

    private final TokenKeys keys;
    private final Clock clock;
    private final Duration lifetime;
    private final int maxRemembered;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Instant> usedNonces = new ConcurrentHashMap<>();

    @Inject
    public LoginChallenges(TokenKeys keys, GatewayConfig config) {
        this(keys, Clock.systemUTC(), config.login().challengeLifetime(), config.login().maxRememberedChallenges());
    }

    LoginChallenges(TokenKeys keys, Clock clock, Duration lifetime, int maxRemembered) {
        this.keys = keys;
        this.clock = clock;
        this.lifetime = lifetime;
        this.maxRemembered = maxRemembered;
    }

    public record Challenge(String challenge, Instant expiresAt) {
    }

    public Challenge issue(String accountId) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        Instant expiresAt = clock.instant().plus(lifetime).plusMillis(999).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        byte[] payload = String.join("\n", CHALLENGE_DOMAIN, accountId, Hex.encode(nonce), Long.toString(expiresAt.getEpochSecond()))
                .getBytes(StandardCharsets.UTF_8);
        Base64.Encoder base64url = Base64.getUrlEncoder().withoutPadding();
        return new Challenge(base64url.encodeToString(payload) + "." + base64url.encodeToString(keys.sign(payload)), expiresAt);
    }

    /** The bytes a device signs to answer a challenge. */
    public static byte[] answerBytes(String challenge) {
        return (ANSWER_DOMAIN + "\n" + challenge).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Checks that the challenge is the gateway's, for this account and not expired, and uses it up.
     *
     * @throws ProblemException UNAUTHENTICATED otherwise; UNAVAILABLE if too many challenges are outstanding
     */
    public void redeem(String accountId, String challenge) {
        String[] parts = challenge == null ? new String[0] : challenge.split("\\.", -1);
        if (parts.length != 2) {
            throw refused("the challenge is malformed");
        }
        byte[] payload;
        try {
            payload = Base64.getUrlDecoder().decode(parts[0]);
            if (!keys.verify(payload, Base64.getUrlDecoder().decode(parts[1]))) {
                throw refused("the challenge was not issued by this gateway");
            }
        } catch (IllegalArgumentException e) {
            throw refused("the challenge is malformed");
        }
        String[] fields = new String(payload, StandardCharsets.UTF_8).split("\n", -1);
        if (fields.length != 4 || !CHALLENGE_DOMAIN.equals(fields[0])) {
            throw refused("the challenge is malformed");
        }
        if (!fields[1].equals(accountId)) {
            throw refused("the challenge was issued for another account");
        }
        Instant expiresAt = Instant.ofEpochSecond(Long.parseLong(fields[3]));
        Instant now = clock.instant();
        if (!now.isBefore(expiresAt)) {
            throw refused("the challenge has expired; ask for a new one");
        }
        forgetExpired(now);
        if (usedNonces.putIfAbsent(fields[2], expiresAt) != null) {
            throw refused("the challenge was already used; ask for a new one");
        }
    }

    private void forgetExpired(Instant now) {
        if (usedNonces.size() < maxRemembered) {
            return;
        }
        usedNonces.values().removeIf(expiry -> !now.isBefore(expiry));
        if (usedNonces.size() >= maxRemembered) {
            throw new ProblemException(ProblemKind.UNAVAILABLE, "too many logins in progress; retry shortly");
        }
    }

    private static ProblemException refused(String detail) {
        return new ProblemException(ProblemKind.UNAUTHENTICATED, detail);
    }
}
