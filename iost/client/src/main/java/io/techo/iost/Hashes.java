package io.techo.iost;

import org.bouncycastle.jcajce.provider.digest.SHA3;

/** The node's hash: FIPS-202 SHA3-256 (not Keccak-256), go-iost {@code common.Sha3}. */
public final class Hashes {
    private Hashes() {
    }

    public static byte[] sha3(byte[] data) {
        return new SHA3.Digest256().digest(data);
    }
}
