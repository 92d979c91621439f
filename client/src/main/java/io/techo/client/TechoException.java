package io.techo.client;

/** Everything the SDK reports goes through one of these subclasses, each with a message a person can act on. */
public abstract class TechoException extends RuntimeException {

    protected TechoException(String message) {
        super(message);
    }

    protected TechoException(String message, Throwable cause) {
        super(message, cause);
    }
}
