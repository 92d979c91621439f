package io.techo.common.log;

/** A Merkle inclusion or consistency proof does not verify; {@link #reason()} says which check failed. */
public final class ProofException extends RuntimeException {

    /** Why a proof was refused. */
    public enum Reason {
        /** The leaf index is not below the tree size. */
        INDEX_OUT_OF_RANGE,
        /** A leaf hash or proof element is not 32 bytes. */
        BAD_HASH_LENGTH,
        /** The proof has more or fewer hashes than the sizes call for. */
        WRONG_PROOF_SIZE,
        /** The first size is larger than the second. */
        SIZES_OUT_OF_ORDER,
        /** A consistency proof from the empty tree: every tree extends it, so there is nothing to prove. */
        EMPTY_TREE,
        /** The proof is well-formed but the recomputed root differs from the expected one. */
        ROOT_MISMATCH
    }

    private final Reason reason;

    ProofException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
