package io.techo.iost;

/**
 * The node refused the call with its error body (HTTP 400 {@code {code, message}}). {@link #reason()} classifies the
 * node's message; whether a retry can help follows from it.
 */
public final class IostRejectedException extends IostException {
    /** What the node's message means to a caller. */
    public enum Reason {
        /** The tx hash is already pending or on chain ({@code tx exists in pending|chain}): poll its status instead. */
        DUPLICATE(false),
        /** The tx time is in the future or expired ({@code TimeError}): re-sign with a fresh time. */
        TIME(false),
        /** The tx's chain id is not the node's ({@code VerifyError invalid chain_id}). */
        CHAIN_ID(false),
        /** Signatures, gas bounds, delay, size or format failed verification ({@code VerifyError}, bad action data). */
        INVALID_TX(false),
        /** The publisher lacks gas or does not exist ({@code gas not enough}); gas regenerates over time. */
        GAS(true),
        /** The node's tx pool is full. */
        POOL_FULL(true),
        /** The tx, receipt or block is not (yet) known; receipts exist only once the tx is irreversible. */
        NOT_FOUND(true),
        /** The account or contract does not exist. */
        UNKNOWN_ACCOUNT(false),
        /** The request itself was malformed (gRPC INVALID_ARGUMENT). */
        BAD_REQUEST(false),
        /** The node does not serve this route (gRPC NOT_FOUND is mapped to 12 "Not Implemented"). */
        NOT_IMPLEMENTED(false),
        OTHER(false);

        private final boolean retryable;

        Reason(boolean retryable) {
            this.retryable = retryable;
        }
    }

    private final int code;
    private final String nodeMessage;
    private final Reason reason;

    public IostRejectedException(String call, int code, String nodeMessage) {
        super(call + " rejected by the node: code " + code + ", " + nodeMessage, null);
        this.code = code;
        this.nodeMessage = nodeMessage == null ? "" : nodeMessage;
        this.reason = classify(code, this.nodeMessage);
    }

    static Reason classify(int code, String message) {
        if (message.contains("tx exists in")) {
            return Reason.DUPLICATE;
        }
        if (message.startsWith("TimeError") || message.contains("invalid time and expiration")) {
            return Reason.TIME;
        }
        if (message.contains("invalid chain_id")) {
            return Reason.CHAIN_ID;
        }
        if (message.contains("gas not enough")) {
            return Reason.GAS;
        }
        if (message.contains("txpool is full")) {
            return Reason.POOL_FULL;
        }
        if (message.contains("account not found") || message.contains("contract not found")) {
            return Reason.UNKNOWN_ACCOUNT;
        }
        if (message.contains("not found")) {
            return Reason.NOT_FOUND;
        }
        if (message.startsWith("VerifyError") || message.startsWith("invalid json array")
                || message.startsWith("wrong args num")) {
            return Reason.INVALID_TX;
        }
        if (code == 3) {
            return Reason.BAD_REQUEST;
        }
        if (code == 12) {
            return Reason.NOT_IMPLEMENTED;
        }
        return Reason.OTHER;
    }

    /** The gRPC status code in the node's error body. */
    public int code() {
        return code;
    }

    public String nodeMessage() {
        return nodeMessage;
    }

    public Reason reason() {
        return reason;
    }

    @Override
    public boolean retryable() {
        return reason.retryable;
    }
}
