package io.techo.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.techo.client.keystore.DeviceKeys;
import io.techo.common.ids.Uuids;
import io.techo.common.protocol.GrantObject;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Consent from the patient's side: sign and post a grant, wrap the covered records' data keys for the grantee, revoke,
 * list; and, for records stored later, who must get their data key because an active category grant covers them.
 */
final class Grants {

    private static final String GRANTS = "/api/v1/grants";

    private final GatewayHttp http;
    private final Supplier<String> token;
    private final Supplier<DeviceKeys> device;
    private final Supplier<String> accountId;
    private final Directory directory;
    private final Records records;
    private final Envelopes envelopes;
    private final Clock clock;

    Grants(GatewayHttp http, Supplier<String> token, Supplier<DeviceKeys> device, Supplier<String> accountId, Directory directory,
            Records records, Envelopes envelopes, Clock clock) {
        this.http = http;
        this.token = token;
        this.device = device;
        this.accountId = accountId;
        this.directory = directory;
        this.records = records;
        this.envelopes = envelopes;
        this.clock = clock;
    }

    ShareResult share(ShareRequest request) {
        List<Recipient> recipients = recipients(request.granteeId());
        if (recipients.isEmpty()) {
            throw new SetupException(request.granteeId() + " has no active encryption key, so nothing can be wrapped for it "
                    + "(a facility cannot read; share with one of its clinicians)");
        }
        Grant grant = post(request);
        List<UUID> covered = coveredRecords(request);
        for (UUID recordId : covered) {
            Records.OwnKey own = records.ownKey(recordId);
            recipients.forEach(recipient -> envelopes.add(RecordCrypto.aad(own.summary()), own.dataKey(), recipient));
        }
        return new ShareResult(grant, covered);
    }

    void revoke(UUID grantId) {
        http.delete(GRANTS + "/" + grantId, token.get());
    }

    /** The patient's grants, or the grants naming the clinician; newest first. */
    List<Grant> all() {
        List<Grant> all = new ArrayList<>();
        String cursor = null;
        do {
            Map<String, String> query = new LinkedHashMap<>();
            query.put("cursor", cursor);
            query.put("limit", "100");
            JsonNode page = http.get(GRANTS, query, token.get());
            page.path("items").forEach(item -> all.add(GatewayHttp.convert(item, Grant.class)));
            cursor = page.path("nextCursor").isTextual() ? page.get("nextCursor").textValue() : null;
        } while (cursor != null);
        return all;
    }

    /** Everyone who must get the data key of a new record in this category: the grantees of grants in force that name it. */
    List<Recipient> recipientsForCategory(String category) {
        Instant now = Instant.now(clock);
        Set<String> grantees = new LinkedHashSet<>();
        all().stream().filter(grant -> grant.inForce(now) && grant.coversCategory(category)).forEach(grant -> grantees.add(grant.granteeId()));
        List<Recipient> recipients = new ArrayList<>();
        grantees.forEach(grantee -> recipients.addAll(recipients(grantee)));
        return recipients;
    }

    private List<Recipient> recipients(String granteeId) {
        return directory.activeEncryptionKeys(granteeId).stream().map(key -> new Recipient(granteeId, key)).toList();
    }

    private Grant post(ShareRequest request) {
        UUID grantId = Uuids.v7();
        Instant notBefore = request.notBefore().truncatedTo(ChronoUnit.SECONDS);
        Instant notAfter = request.notAfter().truncatedTo(ChronoUnit.SECONDS);
        List<String> recordIds = request.recordIds().stream().map(UUID::toString).toList();
        DeviceKeys keys = device.get();
        GrantObject signed = new GrantObject(grantId, accountId.get(), request.granteeId(), recordIds, request.categories(),
                request.purpose(), notBefore, notAfter, keys.signingKeyId());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("grantId", grantId.toString());
        body.put("granteeId", request.granteeId());
        body.put("scope", Map.of("recordIds", recordIds, "categories", request.categories()));
        body.put("purpose", request.purpose());
        body.put("notBefore", notBefore.toString());
        body.put("notAfter", notAfter.toString());
        body.put("signerKeyId", keys.signingKeyId());
        body.put("signature", Base64.getEncoder().encodeToString(keys.sign(signed.canonicalBytes())));
        return GatewayHttp.convert(http.post(GRANTS, body, token.get()), Grant.class);
    }

    private List<UUID> coveredRecords(ShareRequest request) {
        Set<UUID> covered = new LinkedHashSet<>(request.recordIds());
        for (String category : request.categories()) {
            records.all(category, false).forEach(summary -> covered.add(summary.recordId()));
        }
        return List.copyOf(covered);
    }
}
