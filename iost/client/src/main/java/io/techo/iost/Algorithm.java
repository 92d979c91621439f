package io.techo.iost;

/** Signature algorithms of go-iost {@code crypto/algorithm.go}; the numbers are the RPC enum and the byte in tx bytes. */
public enum Algorithm {
    SECP256K1(1),
    ED25519(2);

    private final int code;

    Algorithm(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static Algorithm fromCode(int code) {
        for (Algorithm a : values()) {
            if (a.code == code) {
                return a;
            }
        }
        throw new IllegalArgumentException("unknown signature algorithm " + code);
    }

    /** Accepts the RPC enum name or its number, as protojson does. */
    public static Algorithm fromJson(String nameOrNumber) {
        for (Algorithm a : values()) {
            if (a.name().equals(nameOrNumber)) {
                return a;
            }
        }
        try {
            return fromCode(Integer.parseInt(nameOrNumber));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("unknown signature algorithm " + nameOrNumber);
        }
    }
}
