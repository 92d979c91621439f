package io.techo.iost.rpc;

/** {@code POST /getContractStorage}: {@code data} is the stored string, or {@code "null"} when absent. */
public record ContractStorage(String data, String blockHash, @Int64 long blockNumber) {
    /** The stored value, or null when the key or field is absent. */
    public String valueOrNull() {
        return data == null || "null".equals(data) ? null : data;
    }
}
