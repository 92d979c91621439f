package io.techo.client;

/**
 * Data from the server failed a check the client makes itself: a record signature that does not verify under the
 * owner's registered key, a ciphertext hash that does not match, an envelope or payload that does not decrypt.
 */
public class IntegrityException extends TechoException {

    public IntegrityException(String message) {
        super(message);
    }

    public IntegrityException(String message, Throwable cause) {
        super(message, cause);
    }
}
