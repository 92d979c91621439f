package io.techo.anchor.api;

import java.util.List;

/** RFC 9162 consistency proof between two tree sizes; the roots come from the two signed checkpoints. */
public record ConsistencyView(long from, long to, List<String> proof) {
}
