package io.techo.kit.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MultiRowInsertTest {

    private final MultiRowInsert insert = new MultiRowInsert("t", "a, b, c");

    @Test
    void oneStatementHoldsEveryRowOfAChunk() {
        assertThat(insert.statement(1)).isEqualTo("INSERT INTO t (a, b, c) VALUES (?, ?, ?)");
        assertThat(insert.statement(2)).isEqualTo("INSERT INTO t (a, b, c) VALUES (?, ?, ?), (?, ?, ?)");
    }

    @Test
    void batchesOfAnySizeSplitIntoPowerOfTwoChunksSoFewStatementsAreEverPrepared() {
        Set<Integer> sizesUsed = new HashSet<>();
        for (int rows = 1; rows <= 300; rows++) {
            List<Integer> chunks = chunks(rows);
            assertThat(chunks.stream().mapToInt(Integer::intValue).sum()).as("rows of a %d-row batch", rows).isEqualTo(rows);
            sizesUsed.addAll(chunks);
        }
        assertThat(sizesUsed).containsExactlyInAnyOrder(1, 2, 4, 8, 16, 32, 64);
        assertThat(chunks(100)).containsExactly(64, 32, 4);
        assertThat(chunks(200)).containsExactly(64, 64, 64, 8);
    }

    private static List<Integer> chunks(int rows) {
        List<Integer> chunks = new ArrayList<>();
        for (int left = rows; left > 0; ) {
            int size = MultiRowInsert.chunkSize(left);
            chunks.add(size);
            left -= size;
        }
        return chunks;
    }
}
