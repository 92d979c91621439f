package io.techo.iost.rpc;

/** {@code POST /getContractStorage}; an empty {@code field} reads a plain key, otherwise a map field. */
public record ContractStorageRequest(String id, String key, String field, boolean byLongestChain) {
}
