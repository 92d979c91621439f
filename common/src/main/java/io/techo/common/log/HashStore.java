package io.techo.common.log;

import java.util.Arrays;

/**
 * Append-only storage of 32-byte hashes in fixed chunks, so a store of millions of hashes never copies or moves what it
 * already holds. One writer; readers may read any index the writer published (through a volatile write elsewhere)
 * without locking: a published slot is never written again, and a chunk that is replaced while it grows keeps its old
 * contents for readers that still hold it.
 */
final class HashStore {

    private static final int CHUNK_BITS = 15;
    private static final int CHUNK_HASHES = 1 << CHUNK_BITS;
    private static final int FIRST_CHUNK_HASHES = 16;
    private static final int H = MerkleHashes.HASH_BYTES;

    private volatile byte[][] chunks = {new byte[FIRST_CHUNK_HASHES * H]};
    private long count;

    /** Writer only. */
    void add(byte[] hash) {
        int chunk = (int) (count >>> CHUNK_BITS);
        int slot = (int) (count & (CHUNK_HASHES - 1));
        byte[][] current = chunks;
        if (chunk == current.length) {
            current = Arrays.copyOf(current, current.length + 1);
            current[chunk] = new byte[CHUNK_HASHES * H];
        } else if ((slot + 1) * H > current[chunk].length) {
            current = current.clone();
            current[chunk] = Arrays.copyOf(current[chunk], Math.min(current[chunk].length * 2, CHUNK_HASHES * H));
        }
        System.arraycopy(hash, 0, current[chunk], slot * H, H);
        if (current != chunks) {
            chunks = current;
        }
        count++;
    }

    /** A copy of the hash at a published index. */
    byte[] get(long index) {
        byte[] hash = new byte[H];
        System.arraycopy(chunks[(int) (index >>> CHUNK_BITS)], (int) (index & (CHUNK_HASHES - 1)) * H, hash, 0, H);
        return hash;
    }

    /** Writer only: how many hashes were added. */
    long count() {
        return count;
    }
}
