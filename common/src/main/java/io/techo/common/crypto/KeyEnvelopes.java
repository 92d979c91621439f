package io.techo.common.crypto;

import java.nio.charset.StandardCharsets;

/** Wrapping and unwrapping data keys (HPKE base mode, bound to the record through its AAD). */
public final class KeyEnvelopes {

    public static final String SUITE = "techo-v1";
    static final byte[] INFO = "techo-v1/key-envelope".getBytes(StandardCharsets.US_ASCII);

    private KeyEnvelopes() {
    }

    public static KeyEnvelope wrap(byte[] dataKey, String recipientId, byte[] recipientX25519PublicKey, RecordAad aad) {
        HpkeSealed sealed = Hpke.seal(recipientX25519PublicKey, INFO, aad.bytes(), dataKey);
        return new KeyEnvelope(SUITE, recipientId, KeyIds.of(recipientX25519PublicKey), sealed.enc(), sealed.ciphertext());
    }

    /** @throws CryptoException when the envelope is not for this key or this record, or was altered */
    public static byte[] unwrap(KeyEnvelope envelope, byte[] recipientX25519PrivateKey, RecordAad aad) {
        if (!SUITE.equals(envelope.suite())) {
            throw new CryptoException("unsupported envelope suite " + envelope.suite());
        }
        return Hpke.open(recipientX25519PrivateKey, envelope.enc(), INFO, aad.bytes(), envelope.wrappedKey());
    }
}
