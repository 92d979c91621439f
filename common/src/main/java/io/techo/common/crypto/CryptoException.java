package io.techo.common.crypto;

/** A cryptographic operation failed: authentication tag mismatch, malformed key material, wrong recipient. */
public final class CryptoException extends RuntimeException {

    public CryptoException(String message) {
        super(message);
    }

    public CryptoException(String message, Throwable cause) {
        super(message, cause);
    }
}
