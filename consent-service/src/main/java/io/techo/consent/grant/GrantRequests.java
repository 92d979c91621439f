package io.techo.consent.grant;

import io.techo.common.crypto.Ed25519;
import io.techo.common.protocol.GrantObject;
import io.techo.consent.config.ConsentConfig;
import io.techo.consent.grant.GrantViews.GrantRequest;
import io.techo.kit.rest.Fields;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.function.BiFunction;

/** Validates a grant request field by field (400s) and rebuilds the exact object the patient signed. */
final class GrantRequests {

    private static final int MAX_SCOPE_ENTRIES = 1000;

    private GrantRequests() {
    }

    record SignedGrant(GrantObject grant, byte[] signature) {
    }

    static SignedGrant read(GrantRequest body, String patientId, ConsentConfig config, Instant now) {
        Fields.required("body", body);
        var grantId = Fields.uuidV7("grantId", body.grantId());
        String granteeId = Fields.accountId("granteeId", body.granteeId());
        if (granteeId.equals(patientId)) {
            throw Fields.invalid("granteeId: a patient does not grant access to themselves");
        }
        var scope = Fields.required("scope", body.scope());
        List<String> recordIds = entries("scope.recordIds", scope.recordIds(), (field, id) -> Fields.uuidV7(field, id).toString());
        List<String> categories = entries("scope.categories", scope.categories(), Fields::category);
        if (recordIds.isEmpty() && categories.isEmpty()) {
            throw Fields.invalid("scope: name at least one record id or category");
        }
        String purpose = Fields.required("purpose", body.purpose());
        if (!config.purposes().contains(purpose)) {
            throw Fields.invalid("purpose: one of the HL7 PurposeOfUse codes " + config.purposes());
        }
        Instant notBefore = Fields.canonicalTime("notBefore", body.notBefore());
        Instant notAfter = Fields.canonicalTime("notAfter", body.notAfter());
        if (!notAfter.isAfter(notBefore)) {
            throw Fields.invalid("notAfter: must be later than notBefore");
        }
        if (notBefore.plus(config.maxGrantPeriod()).isBefore(notAfter)) {
            throw Fields.invalid("notAfter: a grant may cover at most " + config.maxGrantPeriod().toDays() + " days");
        }
        if (!notAfter.isAfter(now)) {
            throw Fields.invalid("notAfter: the period has already ended");
        }
        String signerKeyId = Fields.sha256Hex("signerKeyId", body.signerKeyId());
        byte[] signature = Fields.base64OfLength("signature", body.signature(), Ed25519.SIGNATURE_BYTES, "an Ed25519 signature");
        return new SignedGrant(new GrantObject(grantId, patientId, granteeId, recordIds, categories, purpose, notBefore, notAfter,
                signerKeyId), signature);
    }

    private static List<String> entries(String field, List<String> values, BiFunction<String, String, String> reader) {
        if (values == null) {
            return List.of();
        }
        if (values.size() > MAX_SCOPE_ENTRIES) {
            throw Fields.invalid(field + ": at most " + MAX_SCOPE_ENTRIES + " entries");
        }
        List<String> read = values.stream().map(value -> reader.apply(field, value)).toList();
        if (new HashSet<>(read).size() != read.size()) {
            throw Fields.invalid(field + ": duplicate entries");
        }
        return read;
    }
}
