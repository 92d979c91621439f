package io.techo.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.techo.testkit.TestPatient;
import io.vertx.core.buffer.Buffer;
import java.security.SecureRandom;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.LongStream;

/**
 * Records sealed on the patients' devices before a measurement starts: 4 KiB of AES-GCM ciphertext, the owner's
 * HPKE key envelope and the device's Ed25519 signature over the record header, as the SDK makes them. Bodies are
 * serialized up front, so the load loop only sends bytes.
 */
final class SealedRecords {

    /** AES-GCM adds a 12-byte nonce and a 16-byte tag: this plaintext makes a 4,096-byte ciphertext. */
    static final int PLAINTEXT_BYTES = 4096 - 28;
    static final String CATEGORY = "vitals";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One POST /api/v1/records ready to go: the record id, the owner's token and the JSON body. */
    record Post(String recordId, String token, Buffer body) {

        /** Posts the record as its owner; true when it answered 201. */
        CompletableFuture<Boolean> send(HttpLoad http) {
            return http.post("/api/v1/records", token, body, 201);
        }
    }

    private SealedRecords() {
    }

    /** {@code count} records spread round-robin over the patients. */
    static List<Post> seal(List<Population.Party> patients, long count) {
        byte[] plaintext = new byte[PLAINTEXT_BYTES];
        new SecureRandom().nextBytes(plaintext);
        return LongStream.range(0, count).parallel().mapToObj(i -> {
            Population.Party owner = patients.get((int) (i % patients.size()));
            TestPatient.SealedRecord sealed = new TestPatient(owner.accountId(), owner.device()).seal(CATEGORY, plaintext);
            return new Post(sealed.recordId().toString(), owner.token(), json(sealed));
        }).toList();
    }

    private static Buffer json(TestPatient.SealedRecord sealed) {
        try {
            return Buffer.buffer(JSON.writeValueAsBytes(sealed.body()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
