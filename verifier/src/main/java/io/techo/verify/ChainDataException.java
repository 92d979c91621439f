package io.techo.verify;

/** Chain data could not be obtained or read; the message says why. */
public final class ChainDataException extends RuntimeException {

    public ChainDataException(String message, Throwable cause) {
        super(message, cause);
    }
}
