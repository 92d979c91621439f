package io.techo.record.rest;

import java.util.List;

/** One page of the owner's records, newest first; {@code nextCursor} is null on the last page. */
public record RecordPage(List<RecordView> items, String nextCursor) {
}
