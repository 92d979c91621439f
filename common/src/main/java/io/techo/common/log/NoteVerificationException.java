package io.techo.common.log;

/** A well-formed signed note is not signed by the pinned key: no signature by it, or a signature that does not verify. */
public final class NoteVerificationException extends RuntimeException {

    public NoteVerificationException(String message) {
        super(message);
    }
}
