package io.techo.client;

import java.time.Instant;
import java.util.List;

/**
 * A directory entry: a patient, facility or clinician and its whole key history.
 *
 * @param kind {@code PATIENT}, {@code FACILITY} or {@code CLINICIAN}
 */
public record Party(String id, String kind, String displayName, String facilityId, Instant createdAt, List<PartyKey> keys) {

    public Party {
        keys = keys == null ? List.of() : List.copyOf(keys);
    }

    /** The keys of this use ({@code SIGNING} or {@code ENCRYPTION}) that are active now. */
    public List<PartyKey> activeKeys(String use) {
        return keys.stream().filter(key -> use.equals(key.use()) && "ACTIVE".equals(key.status())).toList();
    }
}
