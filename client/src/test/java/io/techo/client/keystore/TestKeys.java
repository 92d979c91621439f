package io.techo.client.keystore;

import java.util.List;

/** The private key bytes of a device, for tests that prove they never reach the server. */
public final class TestKeys {

    private TestKeys() {
    }

    public static List<byte[]> privateKeysOf(DeviceKeys keys) {
        return List.of(keys.signingPrivateKey().clone(), keys.encryptionPrivateKey().clone());
    }
}
