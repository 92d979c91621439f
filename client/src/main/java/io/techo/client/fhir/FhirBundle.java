package io.techo.client.fhir;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * A FHIR R4 {@code Bundle} of type {@code collection} with a patient's decrypted records: a record that is a FHIR
 * resource (JSON with {@code resourceType}) goes in as it is, anything else as a {@code Binary}. Each record is followed
 * by a {@code Provenance} whose signature carries the record's anchor proof (the {@code techo.anchor.confirmed} JSON,
 * verifiable offline with {@code techo verify} or {@code techo-verify}), or, while the anchor is not final, its status.
 */
public final class FhirBundle {

    public static final String CATEGORY_SYSTEM = "urn:techo:category";
    public static final String ACCOUNT_SYSTEM = "urn:techo:account";
    public static final String PROOF_FORMAT = "application/vnd.techo.anchor-confirmation+json";
    public static final String ANCHOR_STATUS_EXTENSION = "urn:techo:fhir:anchor-status";
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private final ObjectNode bundle;
    private final ArrayNode entries;

    public FhirBundle(UUID bundleId, Instant timestamp) {
        bundle = JSON.createObjectNode().put("resourceType", "Bundle").put("id", bundleId.toString());
        bundle.putObject("meta").put("lastUpdated", timestamp.toString());
        bundle.put("type", "collection").put("timestamp", timestamp.toString());
        entries = bundle.putArray("entry");
    }

    /**
     * Adds one record and its provenance.
     *
     * @param proof the anchor confirmation JSON, or null when the anchor is not final yet
     */
    public void addRecord(UUID recordId, String ownerId, String category, Instant createdAt, byte[] plaintext, String anchorStatus,
            String proof) {
        ObjectNode resource = resourceOf(recordId, plaintext);
        ArrayNode tags = (resource.has("meta") && resource.get("meta").isObject() ? (ObjectNode) resource.get("meta") : resource.putObject("meta"))
                .withArray("tag");
        tags.addObject().put("system", CATEGORY_SYSTEM).put("code", category);
        entries.addObject().put("fullUrl", "urn:uuid:" + recordId).set("resource", resource);

        UUID provenanceId = UUID.nameUUIDFromBytes(("provenance:" + recordId).getBytes(StandardCharsets.UTF_8));
        ObjectNode provenance = JSON.createObjectNode().put("resourceType", "Provenance").put("id", provenanceId.toString());
        provenance.putArray("target").addObject().put("reference", "urn:uuid:" + recordId);
        provenance.put("recorded", createdAt.toString());
        provenance.putArray("agent").addObject().set("who", account(ownerId));
        if (proof != null) {
            ObjectNode signature = provenance.putArray("signature").addObject();
            signature.putArray("type").addObject().put("system", "urn:iso-astm:E1762-95:2013")
                    .put("code", "1.2.840.10065.1.12.1.5").put("display", "Verification Signature");
            signature.put("when", createdAt.toString());
            signature.set("who", account(ownerId));
            signature.put("sigFormat", PROOF_FORMAT);
            signature.put("data", Base64.getEncoder().encodeToString(proof.getBytes(StandardCharsets.UTF_8)));
        } else {
            provenance.putArray("extension").addObject().put("url", ANCHOR_STATUS_EXTENSION).put("valueCode", anchorStatus);
        }
        entries.addObject().put("fullUrl", "urn:uuid:" + provenanceId).set("resource", provenance);
    }

    public byte[] toJson() {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(bundle);
        } catch (IOException e) {
            throw new IllegalStateException("a JSON tree always serializes", e);
        }
    }

    private static ObjectNode resourceOf(UUID recordId, byte[] plaintext) {
        JsonNode parsed = parseJson(plaintext);
        if (parsed instanceof ObjectNode resource && resource.path("resourceType").isTextual()) {
            if (!resource.has("id")) {
                resource.put("id", recordId.toString());
            }
            return resource;
        }
        ObjectNode binary = JSON.createObjectNode().put("resourceType", "Binary").put("id", recordId.toString());
        binary.put("contentType", parsed != null ? "application/json" : isUtf8Text(plaintext) ? "text/plain; charset=utf-8"
                : "application/octet-stream");
        binary.put("data", Base64.getEncoder().encodeToString(plaintext));
        return binary;
    }

    private static JsonNode parseJson(byte[] bytes) {
        try {
            JsonNode node = JSON.readTree(bytes);
            return node == null || node.isMissingNode() ? null : node;
        } catch (IOException notJson) {
            return null;
        }
    }

    private static boolean isUtf8Text(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static ObjectNode account(String accountId) {
        ObjectNode who = JSON.createObjectNode();
        who.putObject("identifier").put("system", ACCOUNT_SYSTEM).put("value", accountId);
        return who;
    }
}
