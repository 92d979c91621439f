package io.techo.testkit;

import io.techo.common.crypto.Ed25519;
import io.techo.common.crypto.Ed25519KeyPair;
import io.techo.common.crypto.KeyIds;
import io.techo.common.crypto.X25519;
import io.techo.common.crypto.X25519KeyPair;
import java.util.Base64;

/** A device as a real client has one: an Ed25519 signing key and an X25519 encryption key, generated on the device. */
public final class TestDevice {

    private final Ed25519KeyPair signing = Ed25519.generate();
    private final X25519KeyPair encryption = X25519.generate();

    public byte[] signingPublicKey() {
        return signing.publicKey();
    }

    public byte[] encryptionPublicKey() {
        return encryption.publicKey();
    }

    public byte[] encryptionPrivateKey() {
        return encryption.privateKey();
    }

    public String signingKeyId() {
        return KeyIds.of(signing.publicKey());
    }

    public String encryptionKeyId() {
        return KeyIds.of(encryption.publicKey());
    }

    public byte[] sign(byte[] message) {
        return Ed25519.sign(signing.privateKey(), message);
    }

    public String signBase64(byte[] message) {
        return Base64.getEncoder().encodeToString(sign(message));
    }

    /** A token for this device's account in the given role. */
    public String token(String accountId, String role) {
        return Tokens.forDevice(accountId, role, signing.publicKey());
    }
}
