package io.techo.anchor.anchor;

import java.time.Instant;

/**
 * A signed anchor transaction as persisted before its first broadcast.
 *
 * @param hash base58 tx hash
 * @param body the exact {@code /sendTx} JSON, re-sent unchanged until the tx is packed
 * @param expiresAt after this, a tx that no node knows can never be included: it is safe to sign a new one
 */
public record SignedAnchorTx(String hash, String body, Instant expiresAt) {
}
