package io.techo.common.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class KeyEnvelopesTest {

    @Test
    void wrapsForOneRecipientAndOneRecordOnly() {
        X25519KeyPair clinician = X25519.generate();
        RecordAad aad = new RecordAad(UUID.randomUUID(), 1, "pat-1", "lab.result");
        byte[] dataKey = PayloadCipher.newDataKey();

        KeyEnvelope envelope = KeyEnvelopes.wrap(dataKey, "cli-7", clinician.publicKey(), aad);
        assertEquals("techo-v1", envelope.suite());
        assertEquals(KeyIds.of(clinician.publicKey()), envelope.recipientKeyId());
        assertEquals(32, envelope.enc().length);
        assertEquals(48, envelope.wrappedKey().length);
        assertArrayEquals(dataKey, KeyEnvelopes.unwrap(envelope, clinician.privateKey(), aad));

        assertThrows(CryptoException.class, () -> KeyEnvelopes.unwrap(envelope, X25519.generate().privateKey(), aad));
        assertThrows(CryptoException.class, () -> KeyEnvelopes.unwrap(envelope, clinician.privateKey(),
                new RecordAad(UUID.randomUUID(), 1, "pat-1", "lab.result")));
        KeyEnvelope otherSuite = new KeyEnvelope("techo-v0", "cli-7", envelope.recipientKeyId(), envelope.enc(), envelope.wrappedKey());
        assertThrows(CryptoException.class, () -> KeyEnvelopes.unwrap(otherSuite, clinician.privateKey(), aad));
    }

    @Test
    void keyIdIsSha256OfTheRawKey() {
        assertEquals("66687aadf862bd776c8fc18b8e9f8e20089714856ee233b3902a591d0d5f2925", KeyIds.of(new byte[32]));
    }
}
