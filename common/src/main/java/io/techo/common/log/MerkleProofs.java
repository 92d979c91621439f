package io.techo.common.log;

import io.techo.common.log.ProofException.Reason;
import java.security.MessageDigest;
import java.util.List;

/**
 * Verification of RFC 9162 inclusion (§2.1.3.2) and consistency (§2.1.4.2) proofs, with exact proof-length checks:
 * a proof with a missing, extra, preceding or trailing hash is refused before any hashing, so no garbage can ride along
 * with a valid proof. Every failure is a {@link ProofException} naming the reason.
 */
public final class MerkleProofs {

    private MerkleProofs() {
    }

    /**
     * Checks that {@code leafHash} is the leaf at {@code index} of the tree of {@code size} leaves whose root is
     * {@code root}.
     *
     * @throws ProofException when it is not
     */
    public static void verifyInclusion(long index, long size, byte[] leafHash, List<byte[]> proof, byte[] root) {
        requireRootMatch(rootFromInclusionProof(index, size, leafHash, proof), root, "inclusion proof");
    }

    /**
     * The root that an inclusion proof implies for the leaf at {@code index} in a tree of {@code size} leaves.
     *
     * @throws ProofException when the index, the hash lengths or the proof length do not fit the size
     */
    public static byte[] rootFromInclusionProof(long index, long size, byte[] leafHash, List<byte[]> proof) {
        if (index < 0 || index >= size) {
            throw new ProofException(Reason.INDEX_OUT_OF_RANGE, "leaf index " + index + " is not in a tree of size " + size);
        }
        requireHashLength(leafHash, "leaf hash");
        requireHashLengths(proof);
        int inner = innerProofSize(index, size);
        int border = Long.bitCount(index >>> inner);
        requireProofSize(proof, inner + border);
        byte[] hash = chainInner(leafHash, proof.subList(0, inner), index);
        return chainBorderRight(hash, proof.subList(inner, proof.size()));
    }

    /**
     * Checks that the tree of {@code size1} leaves with root {@code root1} is a prefix of the tree of {@code size2}
     * leaves with root {@code root2}. Equal sizes need an empty proof and equal roots. A proof from size 0 is refused
     * ({@link Reason#EMPTY_TREE}): callers skip the check when there is no earlier tree.
     *
     * @throws ProofException when the proof does not show it
     */
    public static void verifyConsistency(long size1, long size2, List<byte[]> proof, byte[] root1, byte[] root2) {
        if (size1 < 0 || size2 < size1) {
            throw new ProofException(Reason.SIZES_OUT_OF_ORDER, "size1 " + size1 + " is larger than size2 " + size2);
        }
        if (size1 == 0) {
            throw new ProofException(Reason.EMPTY_TREE, "a consistency proof from the empty tree proves nothing");
        }
        if (size1 == size2) {
            requireProofSize(proof, 0);
            requireRootMatch(root1, root2, "equal sizes");
            return;
        }
        requireHashLengths(proof);
        int inner = innerProofSize(size1 - 1, size2);
        int border = Long.bitCount((size1 - 1) >>> inner);
        int shift = Long.numberOfTrailingZeros(size1);
        inner -= shift;
        // the proof starts with the root of the subtree of size 2^shift, unless that subtree is the whole first tree
        boolean seedIsRoot1 = size1 == 1L << shift;
        int start = seedIsRoot1 ? 0 : 1;
        requireProofSize(proof, start + inner + border);
        byte[] seed = seedIsRoot1 ? root1 : proof.get(0);
        List<byte[]> innerPath = proof.subList(start, start + inner);
        List<byte[]> borderPath = proof.subList(start + inner, proof.size());
        long mask = (size1 - 1) >>> shift;
        requireRootMatch(chainBorderRight(chainInnerRight(seed, innerPath, mask), borderPath), root1, "first root");
        requireRootMatch(chainBorderRight(chainInner(seed, innerPath, mask), borderPath), root2, "second root");
    }

    /** Bits of the index below the level where its path and the tree's right border meet. */
    private static int innerProofSize(long index, long size) {
        return 64 - Long.numberOfLeadingZeros(index ^ (size - 1));
    }

    private static byte[] chainInner(byte[] seed, List<byte[]> proof, long index) {
        byte[] hash = seed;
        for (int i = 0; i < proof.size(); i++) {
            hash = ((index >>> i) & 1) == 0
                    ? MerkleHashes.nodeHash(hash, proof.get(i))
                    : MerkleHashes.nodeHash(proof.get(i), hash);
        }
        return hash;
    }

    private static byte[] chainInnerRight(byte[] seed, List<byte[]> proof, long index) {
        byte[] hash = seed;
        for (int i = 0; i < proof.size(); i++) {
            if (((index >>> i) & 1) == 1) {
                hash = MerkleHashes.nodeHash(proof.get(i), hash);
            }
        }
        return hash;
    }

    private static byte[] chainBorderRight(byte[] seed, List<byte[]> proof) {
        byte[] hash = seed;
        for (byte[] sibling : proof) {
            hash = MerkleHashes.nodeHash(sibling, hash);
        }
        return hash;
    }

    private static void requireProofSize(List<byte[]> proof, int expected) {
        if (proof.size() != expected) {
            throw new ProofException(Reason.WRONG_PROOF_SIZE,
                    "the proof has " + proof.size() + " hashes, these sizes need exactly " + expected);
        }
    }

    private static void requireHashLengths(List<byte[]> proof) {
        for (byte[] hash : proof) {
            requireHashLength(hash, "proof element");
        }
    }

    private static void requireHashLength(byte[] hash, String what) {
        if (hash == null || hash.length != MerkleHashes.HASH_BYTES) {
            throw new ProofException(Reason.BAD_HASH_LENGTH, what + " is not " + MerkleHashes.HASH_BYTES + " bytes");
        }
    }

    private static void requireRootMatch(byte[] computed, byte[] expected, String what) {
        if (expected == null || !MessageDigest.isEqual(computed, expected)) {
            throw new ProofException(Reason.ROOT_MISMATCH, what + ": the proof leads to a different root than expected");
        }
    }
}
