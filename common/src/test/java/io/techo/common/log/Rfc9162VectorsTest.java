package io.techo.common.log;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every transparency-dev/merkle test vector (src/test/resources/rfc9162/README.md). */
class Rfc9162VectorsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    static Stream<Path> inclusionVectors() throws Exception {
        return vectors("inclusion");
    }

    static Stream<Path> consistencyVectors() throws Exception {
        return vectors("consistency");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("inclusionVectors")
    void inclusion(Path file) throws IOException {
        JsonNode v = JSON.readTree(file.toFile());
        Executable verify = () -> MerkleProofs.verifyInclusion(v.get("leafIdx").asLong(), v.get("treeSize").asLong(),
                bytes(v.get("leafHash")), hashes(v.get("proof")), bytes(v.get("root")));
        expect(v, verify);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("consistencyVectors")
    void consistency(Path file) throws IOException {
        JsonNode v = JSON.readTree(file.toFile());
        Executable verify = () -> MerkleProofs.verifyConsistency(v.get("size1").asLong(), v.get("size2").asLong(),
                hashes(v.get("proof")), bytes(v.get("root1")), bytes(v.get("root2")));
        expect(v, verify);
    }

    @Test
    void everyVectorFileIsFound() throws Exception {
        assertTrue(inclusionVectors().count() >= 90, "inclusion vectors");
        assertTrue(consistencyVectors().count() >= 90, "consistency vectors");
    }

    private static void expect(JsonNode vector, Executable verify) {
        if (vector.get("wantErr").asBoolean()) {
            assertThrows(ProofException.class, verify, vector.get("desc").asText());
        } else {
            assertDoesNotThrow(verify, vector.get("desc").asText());
        }
    }

    private static Stream<Path> vectors(String kind) throws IOException, URISyntaxException {
        Path dir = Path.of(Rfc9162VectorsTest.class.getResource("/rfc9162/" + kind).toURI());
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(f -> f.toString().endsWith(".json")).sorted().toList().stream();
        }
    }

    private static byte[] bytes(JsonNode base64) {
        return base64 == null || base64.isNull() ? null : Base64.getDecoder().decode(base64.asText());
    }

    private static List<byte[]> hashes(JsonNode array) {
        List<byte[]> hashes = new ArrayList<>();
        if (array != null && !array.isNull()) {
            array.forEach(h -> hashes.add(bytes(h)));
        }
        return hashes;
    }
}
