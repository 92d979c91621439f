package io.techo.client.keystore;

import io.techo.client.TechoException;

/** The keystore cannot be opened: wrong passphrase, an altered or damaged file, or no keystore at all. */
public class KeystoreException extends TechoException {

    public KeystoreException(String message) {
        super(message);
    }

    public KeystoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
