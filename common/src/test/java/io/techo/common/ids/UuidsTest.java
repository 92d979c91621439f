package io.techo.common.ids;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class UuidsTest {

    @Test
    void v7CarriesTheTimeAndSortsByIt() {
        UUID early = Uuids.v7(1_700_000_000_000L);
        UUID late = Uuids.v7(1_700_000_000_001L);
        assertTrue(Uuids.isV7(early));
        assertEquals(1_700_000_000_000L, early.getMostSignificantBits() >>> 16);
        assertTrue(early.toString().compareTo(late.toString()) < 0);
        assertFalse(Uuids.isV7(UUID.randomUUID()));
    }

    @Test
    void nameBasedIdsAreRfc9562Version8Sha256() {
        // RFC 9562 Appendix B.2: the DNS namespace and "www.example.com"
        UUID dns = UUID.fromString("6ba7b810-9dad-11d1-80b4-00c04fd430c8");
        UUID id = Uuids.nameBased(dns, "www.example.com");
        assertEquals(UUID.fromString("5c146b14-3c52-8afd-938a-375d0df1fbf6"), id);
        assertEquals(8, id.version());
        assertEquals(2, id.variant());
        assertEquals(id, Uuids.nameBased(dns, "www.example.com"));
        assertFalse(id.equals(Uuids.nameBased(dns, "www.example.org")));
    }

    @Test
    void parsesOnlyTheCanonicalForm() {
        assertEquals(UUID.fromString("019ab5e2-7c3d-7b1e-9f00-3c4d5e6f7a8b"), Uuids.parseCanonical("019ab5e2-7c3d-7b1e-9f00-3c4d5e6f7a8b"));
        assertThrows(IllegalArgumentException.class, () -> Uuids.parseCanonical("1-2-3-4-5"));
        assertThrows(IllegalArgumentException.class, () -> Uuids.parseCanonical(null));
    }
}
