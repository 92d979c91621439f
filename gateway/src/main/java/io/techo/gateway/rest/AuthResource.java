package io.techo.gateway.rest;

import io.smallrye.mutiny.Uni;
import io.techo.common.crypto.Ed25519;
import io.techo.common.problem.ProblemException;
import io.techo.common.problem.ProblemKind;
import io.techo.gateway.auth.Login;
import io.techo.gateway.edge.RateLimits;
import io.techo.gateway.edge.Problems;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Key-based login (docs/protocol.md, "Login"). Public: these are how a device gets its token. */
@Path("/api/v1/auth")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "auth", description = "Key-based login: challenge, device signature, access token")
public class AuthResource {

    /** The directory's account id rule (service-kit Fields.accountId). */
    private static final Pattern ACCOUNT_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
    private static final Pattern KEY_ID = Pattern.compile("[0-9a-f]{64}");
    private static final int MAX_CHALLENGE_CHARS = 512;

    private final Login login;
    private final RateLimits limits;

    public AuthResource(Login login, RateLimits limits) {
        this.login = login;
        this.limits = limits;
    }

    public record ChallengeRequest(String accountId) {
    }

    public record ChallengeResponse(String challenge, Instant expiresAt) {
    }

    public record TokenRequest(String accountId, String challenge, String deviceKeyId, String signature) {
    }

    public record TokenResponse(String accessToken, String tokenType, long expiresIn, Instant expiresAt) {
    }

    @POST
    @Path("/challenge")
    @Operation(summary = "A short-lived, single-use login challenge for the account, signed by the gateway")
    public ChallengeResponse challenge(ChallengeRequest body) {
        String accountId = accountId(body == null ? null : body.accountId());
        var challenge = login.challenge(accountId);
        return new ChallengeResponse(challenge.challenge(), challenge.expiresAt());
    }

    @POST
    @Path("/token")
    @Operation(summary = "Exchange an answered challenge (the device's Ed25519 signature) for an access token")
    public Uni<TokenResponse> token(TokenRequest body) {
        if (body == null) {
            throw invalid("the body must be {accountId, challenge, signature, deviceKeyId?}");
        }
        String accountId = accountId(body.accountId());
        if (body.challenge() == null || body.challenge().isEmpty() || body.challenge().length() > MAX_CHALLENGE_CHARS) {
            throw invalid("challenge: the string POST /api/v1/auth/challenge returned");
        }
        if (body.deviceKeyId() != null && !KEY_ID.matcher(body.deviceKeyId()).matches()) {
            throw invalid("deviceKeyId: 64 lowercase hex characters");
        }
        byte[] signature = signature(body.signature());
        return login.token(accountId, body.challenge(), body.deviceKeyId(), signature)
                .map(issued -> new TokenResponse(issued.token(), "Bearer",
                        Duration.between(Instant.now(), issued.expiresAt()).toSeconds(), issued.expiresAt()));
    }

    private String accountId(String accountId) {
        if (accountId == null || !ACCOUNT_ID.matcher(accountId).matches()) {
            throw invalid("accountId: 1-64 characters of [A-Za-z0-9._:-]");
        }
        Duration wait = limits.forAccount(accountId);
        if (!wait.isZero()) {
            throw new RetryLaterException(ProblemKind.TOO_MANY_REQUESTS, "too many login attempts for this account", wait);
        }
        return accountId;
    }

    private static byte[] signature(String base64) {
        try {
            byte[] signature = base64 == null ? new byte[0] : Base64.getDecoder().decode(base64);
            if (signature.length == Ed25519.SIGNATURE_BYTES) {
                return signature;
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw invalid("signature: base64 of a 64-byte Ed25519 signature");
    }

    private static ProblemException invalid(String detail) {
        return new ProblemException(ProblemKind.INVALID_FIELD, detail);
    }

    /** A problem that tells the client when to come back ({@code Retry-After}). */
    public static final class RetryLaterException extends ProblemException {

        private final Duration wait;

        public RetryLaterException(ProblemKind kind, String detail, Duration wait) {
            super(kind, detail);
            this.wait = wait;
        }

        public long retryAfterSeconds() {
            return Problems.retryAfterSeconds(wait);
        }
    }
}
