package io.techo.record.read;

import io.smallrye.mutiny.Uni;
import io.techo.common.crypto.KeyEnvelope;
import io.techo.record.domain.AnchorStatus;
import io.techo.record.domain.HealthRecord;
import io.techo.record.domain.RecordAnchor;
import io.techo.record.domain.RecordStatus;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The read path's lookup: a record, its anchor and the reader's envelopes in one statement on the reactive pool. Every
 * read (and every clinician read asks consent first) goes through here, so it skips the ORM session: one round trip,
 * no entity bookkeeping. The envelopes are put in order here: an ORDER BY over this join makes MariaDB sort through a
 * temporary table, on disk because of the ciphertext BLOB, on every read.
 */
@ApplicationScoped
public class ReadableRecords {

    private static final String QUERY = """
            SELECT r.id, r.owner_id, r.category, r.version, r.status, r.ciphertext, r.ciphertext_sha256, r.ciphertext_size,
                   r.signer_key_id, r.signature, r.header_sha256, r.stored_event_id, r.created_at, r.erased_at,
                   a.status AS anchor_status, a.leaf_index, a.chain_id, a.contract, a.tx_hash, a.block_number,
                   e.recipient_key_id, e.suite, e.enc, e.wrapped_key
              FROM record r
              LEFT JOIN record_anchor a ON a.record_id = r.id
              LEFT JOIN key_envelope e ON e.record_id = r.id AND e.recipient_id = ?
             WHERE r.id = ?""";

    private final Pool pool;

    public ReadableRecords(Pool pool) {
        this.pool = pool;
    }

    /** The record as {@code readerId} would see it, if it exists (erased records included: they answer 410). */
    public Uni<Optional<ReadableRecord>> find(String recordId, String readerId) {
        return pool.preparedQuery(QUERY).execute(Tuple.of(readerId, recordId)).map(rows -> readable(rows, readerId));
    }

    private static Optional<ReadableRecord> readable(RowSet<Row> rows, String readerId) {
        HealthRecord record = null;
        RecordAnchor anchor = null;
        List<KeyEnvelope> envelopes = new ArrayList<>();
        for (Row row : rows) {
            if (record == null) {
                record = record(row);
                anchor = anchor(row);
            }
            if (row.getString("suite") != null) {
                envelopes.add(new KeyEnvelope(row.getString("suite"), readerId, row.getString("recipient_key_id"),
                        bytes(row, "enc"), bytes(row, "wrapped_key")));
            }
        }
        envelopes.sort(Comparator.comparing(KeyEnvelope::recipientKeyId));
        return record == null ? Optional.empty() : Optional.of(new ReadableRecord(record, anchor, List.copyOf(envelopes)));
    }

    private static HealthRecord record(Row row) {
        HealthRecord record = new HealthRecord();
        record.id = row.getString("id");
        record.ownerId = row.getString("owner_id");
        record.category = row.getString("category");
        record.version = row.getInteger("version");
        record.status = RecordStatus.valueOf(row.getString("status"));
        record.ciphertext = bytes(row, "ciphertext");
        record.ciphertextSha256 = row.getString("ciphertext_sha256");
        record.ciphertextSize = row.getInteger("ciphertext_size");
        record.signerKeyId = row.getString("signer_key_id");
        record.signature = bytes(row, "signature");
        record.headerSha256 = row.getString("header_sha256");
        record.storedEventId = row.getString("stored_event_id");
        record.createdAt = instant(row, "created_at");
        record.erasedAt = instant(row, "erased_at");
        return record;
    }

    private static RecordAnchor anchor(Row row) {
        String status = row.getString("anchor_status");
        if (status == null) {
            return null;
        }
        RecordAnchor anchor = new RecordAnchor();
        anchor.recordId = row.getString("id");
        anchor.status = AnchorStatus.valueOf(status);
        anchor.leafIndex = row.getLong("leaf_index");
        anchor.chainId = row.getInteger("chain_id");
        anchor.contract = row.getString("contract");
        anchor.txHash = row.getString("tx_hash");
        anchor.blockNumber = row.getLong("block_number");
        return anchor;
    }

    private static byte[] bytes(Row row, String column) {
        Buffer value = row.getBuffer(column);
        return value == null ? null : value.getBytes();
    }

    private static Instant instant(Row row, String column) {
        LocalDateTime value = row.getLocalDateTime(column);
        return value == null ? null : value.toInstant(ZoneOffset.UTC);
    }
}
