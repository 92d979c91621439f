package io.techo.iost;

/** The node could not be reached or answered with a server error (connection refused, timeout, HTTP 5xx). Retryable. */
public final class IostUnavailableException extends IostException {
    public IostUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public boolean retryable() {
        return true;
    }
}
