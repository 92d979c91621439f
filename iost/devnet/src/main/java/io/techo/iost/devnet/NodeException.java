package io.techo.iost.devnet;

/** A refusal the gateway answers as HTTP 400 {@code {code, message}}; code is the gRPC status code. */
final class NodeException extends RuntimeException {
    /** gRPC UNKNOWN: what go-iost's plain Go errors become. */
    static final int UNKNOWN = 2;
    /** gRPC INVALID_ARGUMENT: the gateway could not decode the request. */
    static final int INVALID_ARGUMENT = 3;
    /** gRPC UNIMPLEMENTED: the gateway maps unknown routes (NotFound) to it. */
    static final int UNIMPLEMENTED = 12;

    private final int code;

    NodeException(int code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    static NodeException unknown(String message) {
        return new NodeException(UNKNOWN, message);
    }

    int code() {
        return code;
    }
}
