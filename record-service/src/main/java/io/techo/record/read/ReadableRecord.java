package io.techo.record.read;

import io.techo.common.crypto.KeyEnvelope;
import io.techo.record.domain.HealthRecord;
import io.techo.record.domain.RecordAnchor;
import java.util.List;

/** A record as one reader sees it: the row, its anchor (null while PENDING) and the key envelopes addressed to that reader. */
public record ReadableRecord(HealthRecord record, RecordAnchor anchor, List<KeyEnvelope> readerEnvelopes) {
}
