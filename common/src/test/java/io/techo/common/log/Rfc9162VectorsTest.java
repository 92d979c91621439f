package io.techo.common.log;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
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

    /** The happy paths are proofs in the 8-leaf CT test tree: the generator must produce exactly them. */
    @Test
    void generatedProofsEqualTheHappyPathVectors() throws Exception {
        MerkleLog ct = MerkleLog.of(MerkleLogTest.ctLeafHashes());
        int compared = 0;
        for (Path file : inclusionVectors().toList()) {
            JsonNode v = JSON.readTree(file.toFile());
            long size = v.get("treeSize").asLong();
            if (!v.get("wantErr").asBoolean() && size <= 8 && Arrays.equals(ct.root(size), bytes(v.get("root")))) {
                assertProofEquals(v.get("proof"), ct.inclusionProof(v.get("leafIdx").asLong(), size), file);
                compared++;
            }
        }
        for (Path file : consistencyVectors().toList()) {
            JsonNode v = JSON.readTree(file.toFile());
            long size1 = v.get("size1").asLong();
            long size2 = v.get("size2").asLong();
            if (!v.get("wantErr").asBoolean() && size2 <= 8 && Arrays.equals(ct.root(size2), bytes(v.get("root2")))) {
                assertProofEquals(v.get("proof"), ct.consistencyProof(size1, size2), file);
                compared++;
            }
        }
        assertTrue(compared >= 7, "compared " + compared + " happy paths");
    }

    private static void assertProofEquals(JsonNode expected, List<byte[]> actual, Path file) {
        assertEquals(hashes(expected).stream().map(Base64.getEncoder()::encodeToString).toList(),
                actual.stream().map(Base64.getEncoder()::encodeToString).toList(), file.toString());
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
