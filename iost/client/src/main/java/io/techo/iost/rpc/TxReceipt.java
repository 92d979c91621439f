package io.techo.iost.rpc;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import java.util.List;
import java.util.Map;

/** {@code rpc.proto TxReceipt}. Irreversible does not mean success: check {@link #succeeded()}. */
public record TxReceipt(
        String txHash,
        double gasUsage,
        @JsonSerialize(contentUsing = ToStringSerializer.class) Map<String, Long> ramUsage,
        StatusCode statusCode,
        String message,
        List<String> returns,
        List<Receipt> receipts) {

    public boolean succeeded() {
        return statusCode == StatusCode.SUCCESS;
    }

    /** {@code TxReceipt.StatusCode}. */
    public enum StatusCode {
        SUCCESS,
        GAS_RUN_OUT,
        BALANCE_NOT_ENOUGH,
        WRONG_PARAMETER,
        RUNTIME_ERROR,
        TIMEOUT,
        WRONG_TX_FORMAT,
        DUPLICATE_SET_CODE,
        @JsonEnumDefaultValue
        UNKNOWN_ERROR
    }

    /** A receipt a contract wrote with {@code blockchain.receipt}: {@code func_name} is {@code contract/action}. */
    public record Receipt(String funcName, String content) {
    }
}
