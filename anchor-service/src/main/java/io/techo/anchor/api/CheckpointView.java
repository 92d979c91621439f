package io.techo.anchor.api;

import io.techo.common.events.AnchorRef;

/** The latest anchored checkpoint: the signed note and the IOST transaction that anchored it. */
public record CheckpointView(String origin, long size, String rootHex, String checkpoint, AnchorRef anchor) {
}
