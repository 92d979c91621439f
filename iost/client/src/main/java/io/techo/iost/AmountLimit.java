package io.techo.iost;

import java.util.Objects;

/** A token spending limit: a decimal string or {@code "unlimited"}; token {@code "*"} means any token. */
public record AmountLimit(String token, String value) {
    public AmountLimit {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(value, "value");
    }

    byte[] toBytes() {
        return new TxEncoder().writeString(token).writeString(value).toByteArray();
    }
}
