package io.techo.anchor.api;

/** The log's identity: its origin and the checkpoint key verifiers pin (C2SP signed-note verifier key). */
public record LogKeyView(String origin, String verifierKey) {
}
