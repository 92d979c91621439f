package io.techo.client;

import java.time.Instant;

/**
 * One public key in the directory.
 *
 * @param use {@code SIGNING} or {@code ENCRYPTION}
 * @param publicKey standard base64 of the raw 32-byte key
 * @param status {@code ACTIVE} or {@code RETIRED}
 */
public record PartyKey(String keyId, String partyId, String use, String publicKey, String status, Instant addedAt, Instant retiredAt) {
}
