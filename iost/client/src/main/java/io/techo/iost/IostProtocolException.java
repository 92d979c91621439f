package io.techo.iost;

/** The node answered something that is not the IOST gateway's JSON (wrong endpoint, proxy page). Not retryable. */
public final class IostProtocolException extends IostException {
    public IostProtocolException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public boolean retryable() {
        return false;
    }
}
