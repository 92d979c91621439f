package io.techo.iost;

import java.util.Objects;

/** One contract call; {@code data} is the JSON array of the ABI arguments, as a string. */
public record Action(String contract, String actionName, String data) {
    public Action {
        Objects.requireNonNull(contract, "contract");
        Objects.requireNonNull(actionName, "actionName");
        Objects.requireNonNull(data, "data");
    }

    byte[] toBytes() {
        return new TxEncoder().writeString(contract).writeString(actionName).writeString(data).toByteArray();
    }
}
