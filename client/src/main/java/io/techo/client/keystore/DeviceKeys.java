package io.techo.client.keystore;

import io.techo.common.crypto.Ed25519;
import io.techo.common.crypto.Ed25519KeyPair;
import io.techo.common.crypto.Hpke;
import io.techo.common.crypto.KeyEnvelope;
import io.techo.common.crypto.KeyEnvelopes;
import io.techo.common.crypto.KeyIds;
import io.techo.common.crypto.RecordAad;
import io.techo.common.crypto.X25519;
import io.techo.common.crypto.X25519KeyPair;
import java.util.Arrays;

/**
 * One device's private keys: Ed25519 for signing (records, grants, logins, registration) and X25519 for opening key
 * envelopes. The private halves never leave this object except into the encrypted keystore.
 */
public final class DeviceKeys {

    private final Ed25519KeyPair signing;
    private final X25519KeyPair encryption;

    private DeviceKeys(Ed25519KeyPair signing, X25519KeyPair encryption) {
        this.signing = signing;
        this.encryption = encryption;
    }

    public static DeviceKeys generate() {
        return new DeviceKeys(Ed25519.generate(), X25519.generate());
    }

    /** Rebuilds the pairs from the raw 32-byte private keys. */
    static DeviceKeys fromPrivateKeys(byte[] signingPrivateKey, byte[] encryptionPrivateKey) {
        return new DeviceKeys(new Ed25519KeyPair(signingPrivateKey, Ed25519.publicKeyOf(signingPrivateKey)),
                new X25519KeyPair(encryptionPrivateKey, X25519.publicKeyOf(encryptionPrivateKey)));
    }

    public byte[] signingPublicKey() {
        return signing.publicKey().clone();
    }

    public byte[] encryptionPublicKey() {
        return encryption.publicKey().clone();
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

    /** Opens a record's key envelope addressed to this device's encryption key. */
    public byte[] unwrap(KeyEnvelope envelope, RecordAad aad) {
        return KeyEnvelopes.unwrap(envelope, encryption.privateKey(), aad);
    }

    /** Opens an HPKE message sealed to this device's encryption key (e.g. a registration challenge). */
    public byte[] open(byte[] enc, byte[] info, byte[] aad, byte[] ciphertext) {
        return Hpke.open(encryption.privateKey(), enc, info, aad, ciphertext);
    }

    byte[] signingPrivateKey() {
        return signing.privateKey();
    }

    byte[] encryptionPrivateKey() {
        return encryption.privateKey();
    }

    /** Overwrites the private keys in memory; the object is unusable afterwards. */
    public void destroy() {
        Arrays.fill(signing.privateKey(), (byte) 0);
        Arrays.fill(encryption.privateKey(), (byte) 0);
    }
}
