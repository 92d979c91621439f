package io.techo.client.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** How records become Bundle entries: FHIR resources as they are, anything else as a Binary; proofs in Provenance. */
class FhirBundleTest {

    private static final Instant CREATED = Instant.parse("2026-11-24T10:00:00Z");

    @Test
    void aFhirResourceGoesInAsItIsWithItsCategoryTagAndItsProof() throws Exception {
        UUID id = UUID.randomUUID();
        JsonNode bundle = bundleOf(id, "{\"resourceType\":\"Observation\",\"status\":\"final\"}", "IRREVERSIBLE", "{\"proof\":1}");
        assertThat(bundle.path("resourceType").asText()).isEqualTo("Bundle");
        assertThat(bundle.path("type").asText()).isEqualTo("collection");
        JsonNode resource = bundle.path("entry").get(0).path("resource");
        assertThat(resource.path("resourceType").asText()).isEqualTo("Observation");
        assertThat(resource.path("id").asText()).isEqualTo(id.toString());
        assertThat(resource.path("meta").path("tag").get(0).path("code").asText()).isEqualTo("vitals");
        JsonNode provenance = bundle.path("entry").get(1).path("resource");
        assertThat(provenance.path("resourceType").asText()).isEqualTo("Provenance");
        assertThat(provenance.path("target").get(0).path("reference").asText()).isEqualTo("urn:uuid:" + id);
        assertThat(new String(Base64.getDecoder().decode(provenance.path("signature").get(0).path("data").asText()), StandardCharsets.UTF_8))
                .isEqualTo("{\"proof\":1}");
    }

    @Test
    void textJsonAndBytesBecomeBinariesOfTheRightTypeAndAPendingAnchorIsSaidSo() throws Exception {
        assertThat(binaryType("5.4 mmol/L")).isEqualTo("text/plain; charset=utf-8");
        assertThat(binaryType("{\"systolic\":128}")).isEqualTo("application/json");
        assertThat(binaryType("")).isEqualTo("text/plain; charset=utf-8");
        JsonNode bundle = bundleOf(UUID.randomUUID(), new String(new byte[] {(byte) 0xff, (byte) 0xfe, 0}, StandardCharsets.ISO_8859_1),
                "PACKED", null);
        assertThat(bundle.path("entry").get(1).path("resource").path("extension").get(0).path("valueCode").asText()).isEqualTo("PACKED");
    }

    private static String binaryType(String content) throws Exception {
        JsonNode binary = bundleOf(UUID.randomUUID(), content, "PENDING", null).path("entry").get(0).path("resource");
        assertThat(binary.path("resourceType").asText()).isEqualTo("Binary");
        assertThat(new String(Base64.getDecoder().decode(binary.path("data").asText()), StandardCharsets.UTF_8)).isEqualTo(content);
        return binary.path("contentType").asText();
    }

    private static JsonNode bundleOf(UUID id, String content, String status, String proof) throws Exception {
        FhirBundle bundle = new FhirBundle(UUID.randomUUID(), CREATED);
        byte[] bytes = content.getBytes(content.chars().allMatch(c -> c < 0x80) ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        bundle.addRecord(id, "pat-1", "vitals", CREATED, bytes, status, proof);
        return new ObjectMapper().readTree(bundle.toJson());
    }
}
