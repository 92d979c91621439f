package io.techo.common.log;

import io.techo.common.crypto.Ed25519;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

/**
 * Verifies signed notes against one pinned Ed25519 key, given as a verifier key string
 * {@code <name>+<8 hex key hash>+<base64(0x01 ‖ 32-byte public key)>} (golang.org/x/mod/sumdb/note). Signature lines
 * of other keys are ignored, as c2sp.org/signed-note requires; the first line of the pinned key decides. Immutable and
 * thread-safe.
 */
public final class NoteVerifier {

    private final String name;
    private final byte[] publicKey;
    private final int keyHash;

    private NoteVerifier(String name, byte[] publicKey) {
        if (!NoteKeys.isValidName(name)) {
            throw new LogFormatException("a key name is non-empty, without spaces or '+'");
        }
        if (publicKey.length != Ed25519.KEY_BYTES) {
            throw new LogFormatException("an Ed25519 public key is " + Ed25519.KEY_BYTES + " bytes");
        }
        this.name = name;
        this.publicKey = publicKey.clone();
        this.keyHash = NoteKeys.keyHash(name, NoteKeys.typedEd25519Key(publicKey));
    }

    /** A verifier for a name and a raw 32-byte Ed25519 public key. */
    public static NoteVerifier of(String name, byte[] publicKey) {
        return new NoteVerifier(name, publicKey);
    }

    /**
     * Parses a verifier key string.
     *
     * @throws LogFormatException when it is malformed, not Ed25519, or its key hash does not match
     */
    public static NoteVerifier fromVerifierKey(String vkey) {
        String[] parts = vkey.split("\\+", 3);
        if (parts.length != 3 || !NoteKeys.isValidName(parts[0]) || !NoteKeys.isHashHex(parts[1])) {
            throw new LogFormatException("a verifier key is <name>+<8 hex key hash>+<base64 key>");
        }
        byte[] typedKey = NoteKeys.decodeBase64(parts[2]);
        if (typedKey == null || typedKey.length == 0) {
            throw new LogFormatException("a verifier key ends with the base64 of the key");
        }
        if (!NoteKeys.hashHex(NoteKeys.keyHash(parts[0], typedKey)).equals(parts[1])) {
            throw new LogFormatException("the verifier key's hash does not match its name and key");
        }
        if (typedKey[0] != NoteKeys.ALG_ED25519 || typedKey.length != 1 + Ed25519.KEY_BYTES) {
            throw new LogFormatException("only Ed25519 verifier keys (type 0x01, 32 bytes) are supported");
        }
        return new NoteVerifier(parts[0], Arrays.copyOfRange(typedKey, 1, typedKey.length));
    }

    /**
     * Verifies a signed note and returns its text.
     *
     * @throws LogFormatException when the note is malformed
     * @throws NoteVerificationException when it has no valid signature by this key
     */
    public String verify(String note) {
        SignedNote parsed = SignedNote.parse(note);
        for (NoteSignature signature : parsed.signatures()) {
            if (signature.name().equals(name) && signature.keyHash() == keyHash) {
                if (!Ed25519.verify(publicKey, parsed.text().getBytes(StandardCharsets.UTF_8), signature.signature())) {
                    throw new NoteVerificationException("the signature by key " + this + " does not verify");
                }
                return parsed.text();
            }
        }
        throw new NoteVerificationException("the note has no signature by key " + this);
    }

    /** Verifies a signed checkpoint and parses its body. */
    public Checkpoint verifyCheckpoint(String note) {
        return Checkpoint.parse(verify(note));
    }

    public String name() {
        return name;
    }

    public int keyHash() {
        return keyHash;
    }

    public byte[] publicKey() {
        return publicKey.clone();
    }

    /** {@code <name>+<hash>+<base64(0x01 ‖ public key)>}. */
    public String verifierKey() {
        return name + "+" + NoteKeys.hashHex(keyHash) + "+"
                + Base64.getEncoder().encodeToString(NoteKeys.typedEd25519Key(publicKey));
    }

    @Override
    public String toString() {
        return name + "+" + NoteKeys.hashHex(keyHash);
    }
}
