package io.techo.kit.idempotency;

/**
 * A response that can be replayed byte for byte for a repeated {@code Idempotency-Key}.
 *
 * @param status HTTP status
 * @param body JSON body
 * @param location value of the Location header, or null
 */
public record StoredResponse(int status, String body, String location) {
}
