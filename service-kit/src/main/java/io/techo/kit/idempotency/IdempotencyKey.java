package io.techo.kit.idempotency;

import io.techo.common.problem.ProblemException;
import io.techo.common.problem.ProblemKind;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * A client's {@code Idempotency-Key} header and the fingerprint of the request it came with.
 *
 * @param value the header value
 * @param requestSha256 SHA-256 of the endpoint and the canonical request body
 */
public record IdempotencyKey(String value, String requestSha256) {

    private static final Pattern VALID = Pattern.compile("[\\x21-\\x7E]{1,128}");

    /**
     * @param requestSha256 computes the request's fingerprint; called only when the header is present
     * @throws ProblemException 400 when the header is present but not 1-128 visible ASCII characters
     */
    public static Optional<IdempotencyKey> fromHeader(String header, Supplier<String> requestSha256) {
        if (header == null) {
            return Optional.empty();
        }
        if (!VALID.matcher(header).matches()) {
            throw new ProblemException(ProblemKind.INVALID_FIELD, "Idempotency-Key: 1-128 visible ASCII characters");
        }
        return Optional.of(new IdempotencyKey(header, requestSha256.get()));
    }
}
