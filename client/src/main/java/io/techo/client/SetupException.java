package io.techo.client;

/** A step is missing on this device (no keys yet, not registered, no passphrase) or an input file is unusable. */
public class SetupException extends TechoException {

    public SetupException(String message) {
        super(message);
    }

    public SetupException(String message, Throwable cause) {
        super(message, cause);
    }
}
