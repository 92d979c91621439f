package io.techo.verify;

/** The outcome of one check. */
public enum CheckStatus {
    /** The check ran and holds. */
    PASS,
    /** The check ran and does not hold: the confirmation must not be trusted. */
    FAIL,
    /** The check does not apply to this input (e.g. no ciphertext given); it neither passes nor fails. */
    SKIPPED
}
