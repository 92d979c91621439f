package io.techo.common.log;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.techo.common.crypto.Hex;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The canonical leaf data: creation, hashing and strict parsing. */
class LeafDataTest {

    private static final String SHA = "a".repeat(64);
    private static final Instant TIME = Instant.parse("2026-11-24T10:00:00Z");
    private static final String VALID = "{\"eventId\":\"e1\",\"objectSha256\":\"" + SHA + "\",\"salt\":\"AAECAwQFBgcICQoLDA0ODw==\","
            + "\"subject\":\"s1\",\"time\":\"2026-11-24T10:00:00Z\",\"type\":\"techo.record.stored\",\"v\":\"techo-leaf-v1\"}";

    @Test
    void bytesAreTheCanonicalJsonOfExactlySevenMembers() {
        LeafData leaf = LeafData.of("e1", "techo.record.stored", "s1", SHA, TIME, Hex.decode("000102030405060708090a0b0c0d0e0f"));
        assertEquals(VALID, new String(leaf.bytes(), StandardCharsets.UTF_8));
        assertEquals(leaf, LeafData.parse(leaf.bytes()));
        byte[] prefixed = new byte[leaf.bytes().length + 1];
        System.arraycopy(leaf.bytes(), 0, prefixed, 1, leaf.bytes().length);
        assertArrayEquals(io.techo.common.crypto.Digests.sha256(prefixed), leaf.leafHash());
    }

    @Test
    void createDrawsAFreshSaltEveryTime() {
        SecureRandom random = new SecureRandom();
        LeafData a = LeafData.create("e1", "t", "s", SHA, TIME, random);
        LeafData b = LeafData.create("e1", "t", "s", SHA, TIME, random);
        assertEquals(16, a.salt().length);
        assertNotEquals(a, b);
        assertEquals(a, LeafData.parse(a.bytes()));
    }

    @Test
    void parseRefusesAnythingButTheExactCanonicalForm() {
        String[] bad = {
            VALID.replace("{", "{ "),
            VALID.replace("\"eventId\":\"e1\",", "") ,
            VALID.replace("}", ",\"extra\":\"x\"}"),
            VALID.replace("\"v\":\"techo-leaf-v1\"", "\"v\":\"techo-leaf-v2\""),
            VALID.replace("\"subject\":\"s1\"", "\"subject\":1"),
            VALID.replace("AAECAwQFBgcICQoLDA0ODw==", "AAECAwQFBgcICQoLDA0O"),
            VALID.replace("AAECAwQFBgcICQoLDA0ODw==", "AAECAwQFBgcICQoLDA0ODw"),
            VALID.replace("AAECAwQFBgcICQoLDA0ODw==", "AAECAwQFBgcICQoLDA0ODx=="),
            VALID.replace(SHA, SHA.toUpperCase()),
            VALID.replace(SHA, SHA.substring(1)),
            VALID.replace("2026-11-24T10:00:00Z", "2026-11-24T10:00:00.000Z"),
            VALID.replace("2026-11-24T10:00:00Z", "2026-11-24T11:00:00+01:00"),
            VALID.replace("\"eventId\":\"e1\"", "\"eventId\":\"\""),
            VALID.replace("\"type\":\"techo.record.stored\",", "\"type\":\"techo.record.stored\",\"type\":\"x\","),
            "{\"eventId\":\"e1\"," + VALID.substring(VALID.indexOf("\"objectSha256\"")).replace("}", "") + "}x",
            "[]",
        };
        for (String json : bad) {
            assertThrows(LogFormatException.class, () -> LeafData.parse(json.getBytes(StandardCharsets.UTF_8)), json);
        }
        assertThrows(LogFormatException.class, () -> LeafData.parse(new byte[] {(byte) 0xff, '{', '}'}));
        String reordered = "{\"objectSha256\":\"" + SHA + "\"," + VALID.substring(1).replace(",\"objectSha256\":\"" + SHA + "\"", "");
        assertThrows(LogFormatException.class, () -> LeafData.parse(reordered.getBytes(StandardCharsets.UTF_8)));
    }
}
