package io.techo.client;

/** The gateway could not be reached, or it or a service behind it answered 503: retry later. */
public class UnavailableException extends TechoException {

    public UnavailableException(String message) {
        super(message);
    }

    public UnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
