package io.techo.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.techo.client.keystore.DeviceKeys;
import io.techo.common.events.AnchorConfirmed;
import io.techo.common.events.EventJson;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/** Storing, listing, reading and erasing records through the gateway, with all cryptography on the device. */
final class Records {

    private static final String RECORDS = "/api/v1/records";
    private static final int PAGE_SIZE = 100;

    private final GatewayHttp http;
    private final Supplier<String> token;
    private final Supplier<DeviceKeys> device;
    private final Supplier<String> accountId;
    private final Directory directory;
    private final Envelopes envelopes;

    Records(GatewayHttp http, Supplier<String> token, Supplier<DeviceKeys> device, Supplier<String> accountId, Directory directory,
            Envelopes envelopes) {
        this.http = http;
        this.token = token;
        this.device = device;
        this.accountId = accountId;
        this.directory = directory;
        this.envelopes = envelopes;
    }

    /** Encrypts, signs and uploads one record, then wraps its data key for each recipient (active category grantees). */
    RecordSummary put(byte[] plaintext, String category, List<Recipient> recipients) {
        RecordCrypto.Sealed sealed = RecordCrypto.seal(accountId.get(), PathSegments.category(category), plaintext, device.get());
        RecordSummary stored = GatewayHttp.convert(http.post(RECORDS, sealed.body(), token.get()), RecordSummary.class);
        recipients.forEach(recipient -> envelopes.add(sealed.aad(), sealed.dataKey(), recipient));
        return stored;
    }

    Page<RecordSummary> page(String category, boolean shared, String cursor) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("category", category == null ? null : PathSegments.category(category));
        query.put("shared", shared ? "true" : null);
        query.put("cursor", cursor);
        query.put("limit", String.valueOf(PAGE_SIZE));
        JsonNode page = http.get(RECORDS, query, token.get());
        List<RecordSummary> items = new ArrayList<>();
        page.path("items").forEach(item -> items.add(GatewayHttp.convert(item, RecordSummary.class)));
        return new Page<>(items, page.path("nextCursor").isTextual() ? page.get("nextCursor").textValue() : null);
    }

    /** Every page of {@link #page}. */
    List<RecordSummary> all(String category, boolean shared) {
        List<RecordSummary> all = new ArrayList<>();
        String cursor = null;
        do {
            Page<RecordSummary> page = page(category, shared, cursor);
            all.addAll(page.items());
            cursor = page.nextCursor();
        } while (cursor != null);
        return all;
    }

    /** Downloads a record, checks its hash and its owner's signature, and decrypts it with this device's envelope. */
    RecordContent get(UUID recordId, String purpose) {
        JsonNode view = view(recordId, purpose);
        RecordSummary summary = GatewayHttp.convert(view, RecordSummary.class);
        if (!summary.recordId().equals(recordId)) {
            throw new IntegrityException("asked for record " + recordId + " but got " + summary.recordId());
        }
        byte[] ciphertext = RecordCrypto.ciphertext(view, summary);
        RecordCrypto.verifySignature(view, summary, directory.key(summary.signerKeyId()));
        byte[] dataKey = RecordCrypto.dataKey(view, summary, accountId.get(), device.get());
        return new RecordContent(summary, RecordCrypto.decrypt(dataKey, summary, ciphertext));
    }

    /** One of the owner's records and its data key, for wrapping it to a grantee. */
    record OwnKey(RecordSummary summary, byte[] dataKey) {
    }

    OwnKey ownKey(UUID recordId) {
        JsonNode view = view(recordId, null);
        RecordSummary summary = GatewayHttp.convert(view, RecordSummary.class);
        if (!summary.ownerId().equals(accountId.get())) {
            throw new SetupException("record " + recordId + " belongs to " + summary.ownerId() + "; only its owner can share it");
        }
        return new OwnKey(summary, RecordCrypto.dataKey(view, summary, accountId.get(), device.get()));
    }

    /** The record's metadata, and the SHA-256 of its ciphertext as downloaded (checked against the signed hash). */
    RecordSummary downloadedSummary(UUID recordId, String purpose) {
        JsonNode view = view(recordId, purpose);
        RecordSummary summary = GatewayHttp.convert(view, RecordSummary.class);
        RecordCrypto.ciphertext(view, summary);
        return summary;
    }

    /** The record's final anchor proof. */
    AnchorConfirmed proof(UUID recordId, String purpose) {
        JsonNode proof = http.get(RECORDS + "/" + recordId + "/proof", purposeQuery(purpose), token.get());
        try {
            return EventJson.read(proof.toString(), AnchorConfirmed.class);
        } catch (IllegalArgumentException e) {
            throw new IntegrityException("the proof of record " + recordId + " is not an anchor confirmation: " + e.getMessage());
        }
    }

    void erase(UUID recordId) {
        http.delete(RECORDS + "/" + recordId, token.get());
    }

    private JsonNode view(UUID recordId, String purpose) {
        return http.get(RECORDS + "/" + recordId, purposeQuery(purpose), token.get());
    }

    private static Map<String, String> purposeQuery(String purpose) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("purpose", purpose);
        return query;
    }
}
