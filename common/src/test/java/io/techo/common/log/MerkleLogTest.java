package io.techo.common.log;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.techo.common.crypto.Hex;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Tree heads, proof generation, and proofs against the verifier for every small tree. */
class MerkleLogTest {

    /** The classic 8-leaf CT test tree (RFC 6962 test data, transparency-dev/merkle). */
    private static final String[] CT_LEAVES = {"", "00", "10", "2021", "3031", "40414243", "5051525354555657",
            "606162636465666768696a6b6c6d6e6f"};
    private static final String[] CT_ROOTS = {
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
            "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
            "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
            "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
            "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
            "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
            "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
            "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328"};

    @Test
    void ctTestTreeHasTheKnownHeads() {
        MerkleLog log = new MerkleLog();
        assertEquals(CT_ROOTS[0], Hex.encode(log.root(0)));
        for (String leaf : CT_LEAVES) {
            log.append(MerkleHashes.leafHash(Hex.decode(leaf)));
        }
        for (int size = 0; size <= 8; size++) {
            assertEquals(CT_ROOTS[size], Hex.encode(log.root(size)), "MTH of " + size + " leaves");
        }
    }

    @Test
    void ctTestTreeGivesTheVectorsConsistencyProofFrom1To8() {
        MerkleLog log = MerkleLog.of(ctLeafHashes());
        List<String> proof = log.consistencyProof(1, 8).stream().map(java.util.Base64.getEncoder()::encodeToString).toList();
        assertEquals(List.of("lqKW0iTyhcZ77pPDD4owkVfw2qNdxbh+QQt4YwoJz8c=", "Xwg/ChozygdqlSeYMlgNs+DvRYS9/x9UyKNg9Q3jAx4=",
                "a0eq8p7jwq+a+Im8H7klTavTEXfxYjLdaqsDXKOb9uQ="), proof);
    }

    @Test
    void rootsMatchANaiveRecursiveTreeHead() {
        List<byte[]> leaves = leafHashes(70);
        MerkleLog log = MerkleLog.of(leaves);
        for (int size = 0; size <= 70; size++) {
            assertArrayEquals(naiveRoot(leaves.subList(0, size)), log.root(size), "size " + size);
        }
    }

    @Test
    void everyInclusionProofOfEveryTreeUpTo70VerifiesAndEveryMutationFails() {
        List<byte[]> leaves = leafHashes(70);
        MerkleLog log = MerkleLog.of(leaves);
        for (int size = 1; size <= 70; size++) {
            byte[] root = log.root(size);
            for (int index = 0; index < size; index++) {
                long i = index;
                long n = size;
                byte[] leaf = leaves.get(index);
                List<byte[]> proof = log.inclusionProof(index, size);
                MerkleProofs.verifyInclusion(i, n, leaf, proof, root);
                for (List<byte[]> bad : mutations(proof)) {
                    assertThrows(ProofException.class, () -> MerkleProofs.verifyInclusion(i, n, leaf, bad, root),
                            "mutated inclusion proof " + index + "/" + size);
                }
                if (size > 1) {
                    long other = (i + 1) % n;
                    assertThrows(ProofException.class, () -> MerkleProofs.verifyInclusion(other, n, leaf, proof, root));
                }
            }
        }
    }

    @Test
    void everyConsistencyProofOfEveryPairUpTo70VerifiesAndEveryMutationFails() {
        MerkleLog log = MerkleLog.of(leafHashes(70));
        for (int size2 = 1; size2 <= 70; size2++) {
            byte[] root2 = log.root(size2);
            for (int size1 = 1; size1 <= size2; size1++) {
                long m = size1;
                long n = size2;
                byte[] root1 = log.root(size1);
                List<byte[]> proof = log.consistencyProof(size1, size2);
                MerkleProofs.verifyConsistency(m, n, proof, root1, root2);
                for (List<byte[]> bad : mutations(proof)) {
                    assertThrows(ProofException.class, () -> MerkleProofs.verifyConsistency(m, n, bad, root1, root2),
                            "mutated consistency proof " + size1 + "→" + size2);
                }
                if (size1 < size2) {
                    assertThrows(ProofException.class, () -> MerkleProofs.verifyConsistency(m, n, proof, root2, root1));
                }
            }
        }
    }

    @Test
    void proofsRefuseImpossibleArguments() {
        MerkleLog log = MerkleLog.of(leafHashes(5));
        byte[] root = log.root(5);
        assertReason(ProofException.Reason.INDEX_OUT_OF_RANGE,
                () -> MerkleProofs.verifyInclusion(5, 5, log.leafHash(0), log.inclusionProof(0, 5), root));
        assertReason(ProofException.Reason.SIZES_OUT_OF_ORDER,
                () -> MerkleProofs.verifyConsistency(5, 4, List.of(), root, log.root(4)));
        assertReason(ProofException.Reason.EMPTY_TREE,
                () -> MerkleProofs.verifyConsistency(0, 5, List.of(root), MerkleHashes.emptyRoot(), root));
        assertReason(ProofException.Reason.WRONG_PROOF_SIZE,
                () -> MerkleProofs.verifyConsistency(5, 5, List.of(root), root, root));
        assertReason(ProofException.Reason.BAD_HASH_LENGTH,
                () -> MerkleProofs.verifyInclusion(0, 5, new byte[31], log.inclusionProof(0, 5), root));
        assertThrows(IllegalArgumentException.class, () -> log.root(6));
        assertThrows(IllegalArgumentException.class, () -> log.inclusionProof(5, 5));
        assertThrows(IllegalArgumentException.class, () -> log.consistencyProof(4, 6));
        assertThrows(IllegalArgumentException.class, () -> log.append(new byte[31]));
    }

    @Test
    void rebuildsAMillionLeavesFastAndProvesAgainstIt() {
        List<byte[]> leaves = new ArrayList<>(1_000_000);
        for (int i = 0; i < 1_000_000; i++) {
            leaves.add(MerkleHashes.leafHash(new byte[] {(byte) i, (byte) (i >>> 8), (byte) (i >>> 16)}));
        }
        // CPU time of this thread, not wall time: the bar must hold on a shared, oversubscribed CI machine too
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long start = threads.getCurrentThreadCpuTime();
        MerkleLog log = MerkleLog.of(leaves);
        long buildMillis = (threads.getCurrentThreadCpuTime() - start) / 1_000_000;
        start = threads.getCurrentThreadCpuTime();
        byte[] root = log.root(log.size());
        for (int i = 0; i < 10_000; i++) {
            long index = (i * 7919L) % log.size();
            MerkleProofs.verifyInclusion(index, log.size(), leaves.get((int) index), log.inclusionProof(index, log.size()), root);
        }
        long proofMillis = (threads.getCurrentThreadCpuTime() - start) / 1_000_000;
        System.out.printf("MerkleLog: 1M leaves built in %d ms of CPU; 10,000 proofs made and verified in %d ms of CPU%n",
                buildMillis, proofMillis);
        assertTrue(buildMillis < 2_000, "building 1M leaves took " + buildMillis + " ms of CPU");
        assertTrue(proofMillis < 2_000, "10,000 proofs (the bar is 1,000/s) took " + proofMillis + " ms of CPU");
    }

    @Test
    void readersProveAgainstPublishedSizesWhileAWriterAppends() throws Exception {
        List<byte[]> leaves = leafHashes(20_000);
        MerkleLog log = MerkleLog.of(leaves.subList(0, 1));
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread writer = new Thread(() -> leaves.subList(1, leaves.size()).forEach(log::append));
        Thread reader = new Thread(() -> {
            try {
                while (log.size() < leaves.size()) {
                    long size = log.size();
                    long index = size / 2;
                    MerkleProofs.verifyInclusion(index, size, leaves.get((int) index), log.inclusionProof(index, size),
                            naiveRootCached(leaves, size, log));
                }
            } catch (Throwable t) {
                failure.set(t);
            }
        });
        writer.start();
        reader.start();
        writer.join();
        reader.join();
        if (failure.get() != null) {
            throw new AssertionError("a concurrent reader failed", failure.get());
        }
        assertArrayEquals(naiveRoot(leaves), log.root(leaves.size()));
    }

    /** The root from the log itself: published sizes must give stable, consistent answers. */
    private static byte[] naiveRootCached(List<byte[]> leaves, long size, MerkleLog log) {
        byte[] root = log.root(size);
        if (size > 1) {
            MerkleProofs.verifyConsistency(1, size, log.consistencyProof(1, size), leaves.get(0), root);
        }
        return root;
    }

    /** Bit flips in every hash, a truncated, an extended and a prefixed proof. */
    static List<List<byte[]>> mutations(List<byte[]> proof) {
        List<List<byte[]>> mutations = new ArrayList<>();
        for (int i = 0; i < proof.size(); i++) {
            List<byte[]> flipped = new ArrayList<>(proof);
            byte[] hash = proof.get(i).clone();
            hash[i % hash.length] ^= 0x10;
            flipped.set(i, hash);
            mutations.add(flipped);
        }
        if (!proof.isEmpty()) {
            mutations.add(proof.subList(0, proof.size() - 1));
        }
        List<byte[]> extended = new ArrayList<>(proof);
        extended.add(MerkleHashes.emptyRoot());
        mutations.add(extended);
        List<byte[]> prefixed = new ArrayList<>(proof);
        prefixed.add(0, MerkleHashes.emptyRoot());
        mutations.add(prefixed);
        return mutations;
    }

    private static void assertReason(ProofException.Reason reason, org.junit.jupiter.api.function.Executable call) {
        assertEquals(reason, assertThrows(ProofException.class, call).reason());
    }

    static List<byte[]> ctLeafHashes() {
        List<byte[]> leaves = new ArrayList<>();
        for (String leaf : CT_LEAVES) {
            leaves.add(MerkleHashes.leafHash(Hex.decode(leaf)));
        }
        return leaves;
    }

    private static List<byte[]> leafHashes(int count) {
        List<byte[]> leaves = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            leaves.add(MerkleHashes.leafHash(("leaf " + i).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        }
        return leaves;
    }

    /** RFC 9162 §2.1.1, literally: MTH(D[n]) = HASH(0x01 ‖ MTH(D[0:k]) ‖ MTH(D[k:n])). */
    private static byte[] naiveRoot(List<byte[]> leafHashes) {
        if (leafHashes.isEmpty()) {
            return MerkleHashes.emptyRoot();
        }
        if (leafHashes.size() == 1) {
            return leafHashes.get(0);
        }
        int k = Integer.highestOneBit(leafHashes.size() - 1);
        return MerkleHashes.nodeHash(naiveRoot(leafHashes.subList(0, k)), naiveRoot(leafHashes.subList(k, leafHashes.size())));
    }
}
