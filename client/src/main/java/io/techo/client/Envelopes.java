package io.techo.client;

import io.techo.common.crypto.KeyEnvelope;
import io.techo.common.crypto.KeyEnvelopes;
import io.techo.common.crypto.RecordAad;
import java.util.function.Supplier;

/** Wraps a record's data key for another recipient and uploads the envelope (owner only). */
final class Envelopes {

    private final GatewayHttp http;
    private final Supplier<String> token;

    Envelopes(GatewayHttp http, Supplier<String> token) {
        this.http = http;
        this.token = token;
    }

    /**
     * Uploads the data key wrapped for the recipient. An envelope the recipient already holds under that key (from an
     * earlier share) stays as it is: the server answers 409 for a second, differently randomized, wrap.
     */
    void add(RecordAad aad, byte[] dataKey, Recipient recipient) {
        KeyEnvelope envelope = KeyEnvelopes.wrap(dataKey, recipient.accountId(), recipient.encryptionPublicKey(), aad);
        try {
            http.post("/api/v1/records/" + aad.recordId() + "/envelopes", RecordCrypto.envelopeJson(envelope), token.get());
        } catch (ApiException e) {
            if (!e.is("conflict")) {
                throw e;
            }
        }
    }
}
