package io.techo.iost.rpc;

/** The gateway's error body (HTTP 400): a gRPC status code and message. */
public record NodeError(int code, String message) {
}
