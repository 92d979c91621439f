package io.techo.common.log;

import io.techo.common.crypto.Ed25519;
import io.techo.common.crypto.Ed25519KeyPair;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * Signs notes with an Ed25519 key under a key name, as golang.org/x/mod/sumdb/note does. Its key string (skey) is
 * {@code PRIVATE+KEY+<name>+<8 hex key hash>+<base64(0x01 ‖ 32-byte seed)>}; keep it secret. The matching verifier key
 * (vkey, {@link #verifierKey()}) is public.
 */
public final class NoteSigner {

    private static final String SKEY_PREFIX = "PRIVATE+KEY+";

    private final String name;
    private final byte[] seed;
    private final byte[] publicKey;
    private final int keyHash;

    private NoteSigner(String name, byte[] seed) {
        if (!NoteKeys.isValidName(name)) {
            throw new LogFormatException("a key name is non-empty, without spaces or '+'");
        }
        this.name = name;
        this.seed = seed.clone();
        this.publicKey = Ed25519.publicKeyOf(seed);
        this.keyHash = NoteKeys.keyHash(name, NoteKeys.typedEd25519Key(publicKey));
    }

    /** A signer for a 32-byte Ed25519 seed. */
    public static NoteSigner fromSeed(String name, byte[] seed) {
        if (seed == null || seed.length != Ed25519.KEY_BYTES) {
            throw new LogFormatException("an Ed25519 seed is " + Ed25519.KEY_BYTES + " bytes");
        }
        return new NoteSigner(name, seed);
    }

    /** A signer with a fresh random key. */
    public static NoteSigner generate(String name) {
        Ed25519KeyPair key = Ed25519.generate();
        return new NoteSigner(name, key.privateKey());
    }

    /**
     * Parses a signer key string.
     *
     * @throws LogFormatException when it is malformed, not Ed25519, or its key hash does not match
     */
    public static NoteSigner fromSignerKey(String skey) {
        if (!skey.startsWith(SKEY_PREFIX)) {
            throw new LogFormatException("a signer key starts with PRIVATE+KEY+");
        }
        String[] parts = skey.substring(SKEY_PREFIX.length()).split("\\+", 3);
        if (parts.length != 3 || !NoteKeys.isValidName(parts[0]) || !NoteKeys.isHashHex(parts[1])) {
            throw new LogFormatException("a signer key is PRIVATE+KEY+<name>+<8 hex key hash>+<base64 key>");
        }
        byte[] typedSeed = NoteKeys.decodeBase64(parts[2]);
        if (typedSeed == null || typedSeed.length != 1 + Ed25519.KEY_BYTES || typedSeed[0] != NoteKeys.ALG_ED25519) {
            throw new LogFormatException("a signer key holds base64 of 0x01 and a 32-byte Ed25519 seed");
        }
        NoteSigner signer = new NoteSigner(parts[0], Arrays.copyOfRange(typedSeed, 1, typedSeed.length));
        if (!NoteKeys.hashHex(signer.keyHash).equals(parts[1])) {
            throw new LogFormatException("the signer key's hash does not match its name and key");
        }
        return signer;
    }

    /**
     * Signs a note text (non-empty lines, each ending in a newline).
     *
     * @return the signed note: the text, a blank line and this key's signature line
     */
    public String sign(String text) {
        SignedNote.requireValidText(text);
        byte[] signature = Ed25519.sign(seed, text.getBytes(StandardCharsets.UTF_8));
        return new SignedNote(text, List.of(new NoteSignature(name, keyHash, signature))).format();
    }

    /** Signs a checkpoint's body. */
    public String sign(Checkpoint checkpoint) {
        return sign(checkpoint.body());
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

    /** The secret key string {@code PRIVATE+KEY+<name>+<hash>+<base64(0x01 ‖ seed)>}. */
    public String signerKey() {
        return SKEY_PREFIX + name + "+" + NoteKeys.hashHex(keyHash) + "+"
                + Base64.getEncoder().encodeToString(NoteKeys.typedEd25519Key(seed));
    }

    /** The public key string {@code <name>+<hash>+<base64(0x01 ‖ public key)>} verifiers pin. */
    public String verifierKey() {
        return NoteVerifier.of(name, publicKey).verifierKey();
    }

    @Override
    public String toString() {
        return "NoteSigner{" + name + "+" + NoteKeys.hashHex(keyHash) + "}";
    }
}
