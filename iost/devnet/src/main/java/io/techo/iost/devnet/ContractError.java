package io.techo.iost.devnet;

/** An error thrown inside a contract action: the tx is packed with RUNTIME_ERROR and its writes are discarded. */
final class ContractError extends RuntimeException {
    ContractError(String message) {
        super(message, null, false, false);
    }
}
