package io.techo.anchor.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.techo.common.events.AnchorConfirmed;

/**
 * Where one logged event stands. {@code SEQUENCED}: in the log, not yet in an anchored checkpoint; {@code IRREVERSIBLE}:
 * the confirmation (the same self-contained proof published on {@code techo.anchors.v1}) is included.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProofView(String eventId, String eventType, long leafIndex, String status, AnchorConfirmed confirmation) {

    public static final String SEQUENCED = "SEQUENCED";
}
