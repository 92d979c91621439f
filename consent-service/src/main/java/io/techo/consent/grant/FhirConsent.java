package io.techo.consent.grant;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.time.Instant;
import io.techo.consent.directory.PartyKind;

/**
 * A grant as a FHIR R4 {@code Consent} resource (patient-privacy scope, opt-in, one permit provision naming the
 * grantee, the purpose, the period, the categories as classes and the records as data references).
 */
final class FhirConsent {

    private static final String TECHO_CATEGORY_SYSTEM = "urn:techo:category";

    private FhirConsent() {
    }

    static Map<String, Object> of(ConsentGrant grant, Instant now) {
        Map<String, Object> consent = new LinkedHashMap<>();
        consent.put("resourceType", "Consent");
        consent.put("id", grant.id);
        consent.put("status", "ACTIVE".equals(grant.effectiveStatus(now)) ? "active" : "inactive");
        consent.put("scope", concept("http://terminology.hl7.org/CodeSystem/consentscope", "patient-privacy"));
        consent.put("category", List.of(concept("http://loinc.org", "59284-0")));
        consent.put("patient", reference("Patient/" + grant.patientId));
        consent.put("dateTime", grant.createdAt.toString());
        consent.put("performer", List.of(reference("Patient/" + grant.patientId)));
        consent.put("policyRule", concept("http://terminology.hl7.org/CodeSystem/v3-ActCode", "OPTIN"));
        consent.put("provision", provision(grant));
        return consent;
    }

    private static Map<String, Object> provision(ConsentGrant grant) {
        Map<String, Object> provision = new LinkedHashMap<>();
        provision.put("type", "permit");
        provision.put("period", Map.of("start", grant.notBefore.toString(), "end", grant.notAfter.toString()));
        String granteeType = grant.granteeKind == PartyKind.FACILITY ? "Organization/" : "Practitioner/";
        provision.put("actor", List.of(Map.of(
                "role", concept("http://terminology.hl7.org/CodeSystem/v3-ParticipationType", "IRCP"),
                "reference", reference(granteeType + grant.granteeId))));
        provision.put("action", List.of(concept("http://terminology.hl7.org/CodeSystem/consentaction", "access")));
        provision.put("purpose", List.of(coding("http://terminology.hl7.org/CodeSystem/v3-ActReason", grant.purpose)));
        List<Map<String, Object>> classes = new ArrayList<>();
        GrantMapping.fromJson(grant.categoriesJson).forEach(category -> classes.add(coding(TECHO_CATEGORY_SYSTEM, category)));
        if (!classes.isEmpty()) {
            provision.put("class", classes);
        }
        List<Map<String, Object>> data = new ArrayList<>();
        GrantMapping.fromJson(grant.recordIdsJson).forEach(recordId -> data.add(Map.of("meaning", "instance",
                "reference", reference("DocumentReference/" + recordId))));
        if (!data.isEmpty()) {
            provision.put("data", data);
        }
        return provision;
    }

    private static Map<String, Object> concept(String system, String code) {
        return Map.of("coding", List.of(coding(system, code)));
    }

    private static Map<String, Object> coding(String system, String code) {
        return Map.of("system", system, "code", code);
    }

    private static Map<String, Object> reference(String reference) {
        return Map.of("reference", reference);
    }
}
