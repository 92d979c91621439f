package io.techo.iost;

/** Base of every error the client raises; {@link #retryable()} says whether trying again later can help. */
public abstract class IostException extends RuntimeException {
    protected IostException(String message, Throwable cause) {
        super(message, cause);
    }

    /** True when the same call may succeed later without changing it (node down, pool full, not yet irreversible). */
    public abstract boolean retryable();
}
