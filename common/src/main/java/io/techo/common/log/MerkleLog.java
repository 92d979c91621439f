package io.techo.common.log;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * An append-only RFC 9162 Merkle tree in memory that answers for every size up to its current one: roots, inclusion
 * proofs (§2.1.3.1) and consistency proofs (§2.1.4.1), each in O(log n) hashes.
 *
 * <p>It keeps, per level {@code k}, the hash of every complete aligned subtree of {@code 2^k} leaves (about two hashes
 * per leaf in all). Every subtree a proof needs is either such a complete subtree or a suffix of the tree's right
 * border, which is folded once per call.
 *
 * <p>Thread-safety: one writer at a time ({@link #append} and {@link #appendAll} are synchronized); any number of
 * readers, without locking, for every size up to {@link #size()}: a size is published only after everything it covers
 * is stored, and stored hashes never change.
 */
public final class MerkleLog {

    private static final int MAX_LEVELS = 63;

    private final HashStore[] levels = new HashStore[MAX_LEVELS];
    private volatile long size;

    /** An empty log. */
    public MerkleLog() {
        for (int level = 0; level < MAX_LEVELS; level++) {
            levels[level] = new HashStore();
        }
    }

    /** A log holding these leaf hashes, in order (how a service rebuilds its tree at start). */
    public static MerkleLog of(List<byte[]> leafHashes) {
        MerkleLog log = new MerkleLog();
        log.appendAll(leafHashes);
        return log;
    }

    /** The number of leaves published so far. */
    public long size() {
        return size;
    }

    /**
     * Appends one leaf hash ({@link MerkleHashes#leafHash} of the leaf data) and publishes the new size.
     *
     * @return the new leaf's index
     */
    public synchronized long append(byte[] leafHash) {
        long index = store(leafHash);
        size = index + 1;
        return index;
    }

    /** Appends leaf hashes in order and publishes the new size once, after all of them. */
    public synchronized void appendAll(List<byte[]> leafHashes) {
        long last = size;
        for (byte[] leafHash : leafHashes) {
            last = store(leafHash) + 1;
        }
        size = last;
    }

    /** The hash of the leaf at {@code index}. */
    public byte[] leafHash(long index) {
        requireIndex(index, size);
        return levels[0].get(index);
    }

    /** The tree head (root hash) of the first {@code treeSize} leaves; {@link MerkleHashes#emptyRoot()} for 0. */
    public byte[] root(long treeSize) {
        requireSize(treeSize);
        return treeSize == 0 ? MerkleHashes.emptyRoot() : new RightBorder(treeSize).hashFrom(0);
    }

    /** The audit path of the leaf at {@code index} in the tree of the first {@code treeSize} leaves, leaf side first. */
    public List<byte[]> inclusionProof(long index, long treeSize) {
        requireSize(treeSize);
        requireIndex(index, treeSize);
        RightBorder border = new RightBorder(treeSize);
        List<byte[]> topDown = new ArrayList<>();
        long start = 0;
        long end = treeSize;
        while (end - start > 1) {
            long k = Long.highestOneBit(end - start - 1);
            if (index < start + k) {
                topDown.add(subtreeHash(start + k, end, border));
                end = start + k;
            } else {
                topDown.add(subtreeHash(start, start + k, border));
                start += k;
            }
        }
        Collections.reverse(topDown);
        return topDown;
    }

    /**
     * The proof that the tree of the first {@code size1} leaves is a prefix of the tree of the first {@code size2}
     * leaves; empty when the sizes are equal or {@code size1} is 0.
     */
    public List<byte[]> consistencyProof(long size1, long size2) {
        requireSize(size2);
        if (size1 < 0 || size1 > size2) {
            throw new IllegalArgumentException("size1 " + size1 + " must be between 0 and size2 " + size2);
        }
        if (size1 == 0 || size1 == size2) {
            return List.of();
        }
        RightBorder border = new RightBorder(size2);
        List<byte[]> topDown = new ArrayList<>();
        long start = 0;
        long end = size2;
        boolean wholeFirstTree = true;
        while (size1 - start != end - start) {
            long k = Long.highestOneBit(end - start - 1);
            if (size1 - start <= k) {
                topDown.add(subtreeHash(start + k, end, border));
                end = start + k;
            } else {
                topDown.add(subtreeHash(start, start + k, border));
                start += k;
                wholeFirstTree = false;
            }
        }
        Collections.reverse(topDown);
        if (!wholeFirstTree) {
            topDown.add(0, subtreeHash(start, end, border));
        }
        return topDown;
    }

    private long store(byte[] leafHash) {
        if (leafHash == null || leafHash.length != MerkleHashes.HASH_BYTES) {
            throw new IllegalArgumentException("a leaf hash is " + MerkleHashes.HASH_BYTES + " bytes");
        }
        long index = levels[0].count();
        levels[0].add(leafHash);
        byte[] hash = leafHash;
        long position = index;
        for (int level = 0; (position & 1) == 1; level++) {
            hash = MerkleHashes.nodeHash(levels[level].get(position - 1), hash);
            position >>>= 1;
            levels[level + 1].add(hash);
        }
        return index;
    }

    /** A subtree the RFC's recursion reaches: complete and aligned, or a suffix of the right border. */
    private byte[] subtreeHash(long start, long end, RightBorder border) {
        long width = end - start;
        if (Long.bitCount(width) == 1) {
            int level = Long.numberOfTrailingZeros(width);
            return levels[level].get(start >>> level);
        }
        return border.hashFrom(start);
    }

    private void requireSize(long treeSize) {
        long published = size;
        if (treeSize < 0 || treeSize > published) {
            throw new IllegalArgumentException("tree size " + treeSize + " is not between 0 and the log's size " + published);
        }
    }

    private static void requireIndex(long index, long treeSize) {
        if (index < 0 || index >= treeSize) {
            throw new IllegalArgumentException("leaf index " + index + " is not in a tree of size " + treeSize);
        }
    }

    /**
     * The right border of a tree of a given size: it splits into complete subtrees of decreasing powers of two; the
     * hash of every suffix starting at one of their boundaries is folded once, right to left.
     */
    private final class RightBorder {
        private final long[] starts;
        private final byte[][] suffixHashes;

        RightBorder(long treeSize) {
            int parts = Long.bitCount(treeSize);
            starts = new long[parts];
            byte[][] completes = new byte[parts][];
            long start = 0;
            for (int i = 0; i < parts; i++) {
                int level = 63 - Long.numberOfLeadingZeros(treeSize - start);
                starts[i] = start;
                completes[i] = levels[level].get(start >>> level);
                start += 1L << level;
            }
            suffixHashes = new byte[parts][];
            suffixHashes[parts - 1] = completes[parts - 1];
            for (int i = parts - 2; i >= 0; i--) {
                suffixHashes[i] = MerkleHashes.nodeHash(completes[i], suffixHashes[i + 1]);
            }
        }

        byte[] hashFrom(long start) {
            for (int i = 0; i < starts.length; i++) {
                if (starts[i] == start) {
                    return suffixHashes[i];
                }
            }
            throw new IllegalStateException("no border subtree starts at " + start);
        }
    }
}
