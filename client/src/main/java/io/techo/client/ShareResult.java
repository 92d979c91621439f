package io.techo.client;

import java.util.List;
import java.util.UUID;

/** The signed grant and the records whose data keys were wrapped for the grantee. */
public record ShareResult(Grant grant, List<UUID> wrappedRecords) {
}
