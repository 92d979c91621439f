package io.techo.consent.grant;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.techo.consent.grant.GrantViews.GrantView;
import io.techo.consent.grant.GrantViews.Scope;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

/** Grant rows ⇄ views; the scope arrays are stored as the JSON they were signed as. */
final class GrantMapping {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() { };

    private GrantMapping() {
    }

    static String toJson(List<String> values) {
        try {
            return JSON.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<String> fromJson(String json) {
        try {
            return JSON.readValue(json, STRINGS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored scope is not a JSON string array", e);
        }
    }

    static Scope scope(ConsentGrant grant) {
        return new Scope(fromJson(grant.recordIdsJson), fromJson(grant.categoriesJson));
    }

    static GrantView view(ConsentGrant grant, Instant now) {
        return new GrantView(grant.id, grant.patientId, grant.granteeId, grant.granteeKind.name(), scope(grant), grant.purpose,
                grant.notBefore, grant.notAfter, grant.effectiveStatus(now), grant.signerKeyId,
                Base64.getEncoder().encodeToString(grant.signature), grant.grantSha256, grant.createdAt, grant.revokedAt);
    }
}
