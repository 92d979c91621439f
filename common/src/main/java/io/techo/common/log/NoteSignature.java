package io.techo.common.log;

/**
 * One signature line of a signed note: {@code — <name> <base64(keyHash ‖ signature)>}.
 *
 * @param name the key name
 * @param keyHash the 4-byte key hash, big-endian
 * @param signature the signature bytes after the key hash (64 for Ed25519)
 */
public record NoteSignature(String name, int keyHash, byte[] signature) {

    public NoteSignature {
        signature = signature.clone();
    }

    @Override
    public byte[] signature() {
        return signature.clone();
    }
}
