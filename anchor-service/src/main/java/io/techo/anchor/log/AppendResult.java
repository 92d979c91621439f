package io.techo.anchor.log;

/**
 * What one append did.
 *
 * @param appended new leaves
 * @param duplicates events already in the log (a replay keeps its original leaf index)
 * @param sizeAfter the log's size after the append
 */
public record AppendResult(int appended, int duplicates, long sizeAfter) {
}
