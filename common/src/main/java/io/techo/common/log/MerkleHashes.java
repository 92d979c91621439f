package io.techo.common.log;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * RFC 9162 §2.1.1 hashing with SHA-256: leaves are {@code SHA-256(0x00 ‖ data)}, interior nodes
 * {@code SHA-256(0x01 ‖ left ‖ right)}, the empty tree's root is {@code SHA-256("")}. The prefixes separate leaves from
 * nodes, so an interior node can never be passed off as a leaf (second-preimage resistance).
 */
public final class MerkleHashes {

    /** Bytes of every hash in the tree. */
    public static final int HASH_BYTES = 32;
    private static final byte LEAF_PREFIX = 0x00;
    private static final byte NODE_PREFIX = 0x01;
    // MessageDigest.getInstance costs about as much as hashing 64 bytes; building a tree of millions of leaves reuses one
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(MerkleHashes::newSha256);
    private static final byte[] EMPTY_ROOT = newSha256().digest();

    private MerkleHashes() {
    }

    /** The root of the empty tree: SHA-256 of no bytes. */
    public static byte[] emptyRoot() {
        return EMPTY_ROOT.clone();
    }

    /** {@code SHA-256(0x00 ‖ leafData)}. */
    public static byte[] leafHash(byte[] leafData) {
        MessageDigest sha = SHA256.get();
        sha.update(LEAF_PREFIX);
        return sha.digest(leafData);
    }

    /** {@code SHA-256(0x01 ‖ left ‖ right)}. */
    public static byte[] nodeHash(byte[] left, byte[] right) {
        MessageDigest sha = SHA256.get();
        sha.update(NODE_PREFIX);
        sha.update(left);
        return sha.digest(right);
    }

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK provides SHA-256", e);
        }
    }
}
