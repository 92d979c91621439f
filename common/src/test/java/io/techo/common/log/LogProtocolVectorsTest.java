package io.techo.common.log;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.techo.common.crypto.Hex;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The worked vector of docs/protocol.md, "Log leaves, checkpoints and proofs": every value printed there. */
class LogProtocolVectorsTest {

    private static final LeafData LEAF = LeafData.of("019ab5e2-8000-7000-8000-000000000001", "techo.record.stored",
            "019ab5e2-7c3d-7b1e-9f00-3c4d5e6f7a8b", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
            Instant.parse("2026-11-24T10:00:00Z"), Hex.decode("000102030405060708090a0b0c0d0e0f"));
    private static final NoteSigner LOG_KEY = NoteSigner.fromSeed("techo.example/log",
            Hex.decode("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60"));
    private static final String NOTE = """
            techo.example/log
            2
            HpZzs/CbjHSWskS2n89AvdFTTqpqd5IFDwzPCQrgii0=

            — techo.example/log QYtivFQxu3zye0plAB4ey08PqROS3Vnzs+twMNJNEooMXV5aFwdu4pbeRYW9PiQrYTUJuybERdGIc1etGEGQwz/17A0=
            """;

    @Test
    void leafDataAndLeafHash() {
        assertEquals("{\"eventId\":\"019ab5e2-8000-7000-8000-000000000001\","
                + "\"objectSha256\":\"ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad\","
                + "\"salt\":\"AAECAwQFBgcICQoLDA0ODw==\",\"subject\":\"019ab5e2-7c3d-7b1e-9f00-3c4d5e6f7a8b\","
                + "\"time\":\"2026-11-24T10:00:00Z\",\"type\":\"techo.record.stored\",\"v\":\"techo-leaf-v1\"}",
                new String(LEAF.bytes(), StandardCharsets.UTF_8));
        assertEquals("f0f549f69817bdf6f90e515fbc65daae293b908906196c26b45e8f1fff97795c", Hex.encode(LEAF.leafHash()));
    }

    @Test
    void keysCheckpointAndProof() {
        assertEquals("techo.example/log+418b62bc+AddamAGCsQq31Uv+08lkBzoO4XLz2qYjJa8CGmj3B1Ea", LOG_KEY.verifierKey());
        assertEquals("PRIVATE+KEY+techo.example/log+418b62bc+AZ1hsZ3v/VpguoRK9JLsLMREScVpezJpGXA7rAMcrn9g", LOG_KEY.signerKey());
        MerkleLog log = MerkleLog.of(List.of(LEAF.leafHash(), MerkleHashes.leafHash("second".getBytes(StandardCharsets.UTF_8))));
        assertEquals("1e9673b3f09b8c7496b244b69fcf40bdd1534eaa6a7792050f0ccf090ae08a2d", Hex.encode(log.root(2)));
        List<byte[]> auditPath = log.inclusionProof(0, 2);
        assertEquals(List.of("qU3U08LG0lSMpOVg1ycnurXXlVABkfW4VXkTDdOxRgM="),
                auditPath.stream().map(Base64.getEncoder()::encodeToString).toList());
        assertEquals(NOTE, LOG_KEY.sign(new Checkpoint("techo.example/log", 2, log.root(2))));
        Checkpoint verified = NoteVerifier.fromVerifierKey(LOG_KEY.verifierKey()).verifyCheckpoint(NOTE);
        MerkleProofs.verifyInclusion(0, verified.size(), LEAF.leafHash(), auditPath, verified.root());
    }
}
