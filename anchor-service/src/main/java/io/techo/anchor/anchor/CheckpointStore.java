package io.techo.anchor.anchor;

import io.agroal.api.AgroalDataSource;
import io.techo.common.events.EventTypes;
import io.techo.common.events.TechoEvent;
import io.techo.kit.jdbc.JdbcTransactions;
import io.techo.kit.jdbc.SqlTime;
import io.techo.kit.outbox.OutboxJdbcWriter;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Checkpoints and their anchor transactions (blocking JDBC). A state change that announces something (PACKED,
 * IRREVERSIBLE) writes its events to the outbox in the same transaction; the per-leaf confirmations are published
 * by the anchoring loop itself and recorded here by moving the checkpoint's cursor ({@link #advanceConfirmed}).
 */
@ApplicationScoped
public class CheckpointStore {

    private static final String COLUMNS = "id, size, root, prev_size, note, state, chain_id, tx_hash, tx_body, tx_expires_at, "
            + "tx_signings, block_number, confirmed_through, created_at, sent_at, final_at";

    private final AgroalDataSource db;

    public CheckpointStore(AgroalDataSource db) {
        this.db = db;
    }

    /** The last checkpoint anchored with success. */
    public Optional<CheckpointRow> latestAnchored() throws SQLException {
        return one("SELECT " + COLUMNS + " FROM checkpoint WHERE state = 'IRREVERSIBLE' ORDER BY id DESC LIMIT 1");
    }

    /** The checkpoint whose anchor is under way, if any (at most one). */
    public Optional<CheckpointRow> inFlight() throws SQLException {
        return one("SELECT " + COLUMNS + " FROM checkpoint WHERE state IN ('SIGNED', 'SENT', 'PACKED') "
                + "ORDER BY id DESC LIMIT 1");
    }

    /** The oldest anchored checkpoint whose leaves are not all confirmed yet. */
    public Optional<CheckpointRow> unconfirmed() throws SQLException {
        return one("SELECT " + COLUMNS + " FROM checkpoint WHERE confirming = 1 ORDER BY id LIMIT 1");
    }

    /** The anchored checkpoint that first covered a leaf (anchored checkpoints' sizes grow with their ids). */
    public Optional<CheckpointRow> anchoredCovering(long leafIndex) throws SQLException {
        try (Connection c = db.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM checkpoint "
                        + "WHERE state = 'IRREVERSIBLE' AND prev_size <= ? AND size > ? ORDER BY size LIMIT 1")) {
            ps.setLong(1, leafIndex);
            ps.setLong(2, leafIndex);
            return read(ps);
        }
    }

    /** Persists a new checkpoint with its signed transaction, before anything is broadcast. */
    public CheckpointRow insertSigned(long size, byte[] root, long prevSize, String note, int chainId, SignedAnchorTx tx,
            Instant now)
            throws SQLException {
        try (Connection c = db.getConnection();
                PreparedStatement ps = c.prepareStatement("INSERT INTO checkpoint (size, root, prev_size, note, state, "
                        + "chain_id, tx_hash, tx_body, tx_expires_at, tx_signings, confirmed_through, created_at) "
                        + "VALUES (?, ?, ?, ?, 'SIGNED', ?, ?, ?, ?, 1, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
            ps.setLong(1, size);
            ps.setBytes(2, root);
            ps.setLong(3, prevSize);
            ps.setString(4, note);
            ps.setInt(5, chainId);
            ps.setString(6, tx.hash());
            ps.setString(7, tx.body());
            SqlTime.set(ps, 8, tx.expiresAt());
            ps.setLong(9, prevSize);
            SqlTime.set(ps, 10, now);
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                long id = keys.getLong(1);
                return new CheckpointRow(id, size, root, prevSize, note, CheckpointState.SIGNED, chainId, tx.hash(), tx.body(),
                        tx.expiresAt(), 1, -1, prevSize, now, null, null);
            }
        }
    }

    /** Replaces an expired, never-included transaction with a freshly signed one. */
    public void resign(long id, SignedAnchorTx tx) throws SQLException {
        update("UPDATE checkpoint SET state = 'SIGNED', tx_hash = ?, tx_body = ?, tx_expires_at = ?, "
                + "tx_signings = tx_signings + 1, sent_at = NULL WHERE id = ?", ps -> {
                    ps.setString(1, tx.hash());
                    ps.setString(2, tx.body());
                    SqlTime.set(ps, 3, tx.expiresAt());
                    ps.setLong(4, id);
                });
    }

    public void markSent(long id, Instant at) throws SQLException {
        update("UPDATE checkpoint SET state = 'SENT', sent_at = ? WHERE id = ? AND state = 'SIGNED'", ps -> {
            SqlTime.set(ps, 1, at);
            ps.setLong(2, id);
        });
    }

    /** The tx is packed; its announcements (one per checkpoint, one per leaf) go out with the state change. */
    public void markPacked(long id, Instant at, List<? extends TechoEvent> announcements) throws SQLException {
        changeAndAnnounce("UPDATE checkpoint SET state = 'PACKED', packed_at = ? WHERE id = ? AND state IN ('SIGNED', 'SENT')",
                ps -> {
                    SqlTime.set(ps, 1, at);
                    ps.setLong(2, id);
                }, announcements, at);
    }

    /** The anchor is final; confirmations of its leaves follow in batches ({@link #confirm}). */
    public void markIrreversible(long id, long blockNumber, Instant at, TechoEvent announcement) throws SQLException {
        changeAndAnnounce("UPDATE checkpoint SET state = 'IRREVERSIBLE', block_number = ?, final_at = ? "
                + "WHERE id = ? AND state IN ('SIGNED', 'SENT', 'PACKED')", ps -> {
                    ps.setLong(1, blockNumber);
                    SqlTime.set(ps, 2, at);
                    ps.setLong(3, id);
                }, List.of(announcement), at);
    }

    public void markFailed(long id, String failure, Instant at) throws SQLException {
        update("UPDATE checkpoint SET state = 'FAILED', failure = ?, final_at = ? WHERE id = ?", ps -> {
            ps.setString(1, failure.length() > 256 ? failure.substring(0, 256) : failure);
            SqlTime.set(ps, 2, at);
            ps.setLong(3, id);
        });
    }

    /**
     * Records that leaves [from, through) have their confirmations published: moves the cursor, unless something
     * else moved it first (false).
     */
    public boolean advanceConfirmed(long id, long from, long through) throws SQLException {
        return update("UPDATE checkpoint SET confirmed_through = ? WHERE id = ? AND confirmed_through = ?", ps -> {
            ps.setLong(1, through);
            ps.setLong(2, id);
            ps.setLong(3, from);
        }) == 1;
    }

    /**
     * A guarded state change and what it announces, in one transaction: false, with nothing announced, when the guard
     * matched no row (another step or instance got there first).
     */
    private boolean changeAndAnnounce(String sql, Binder binder, List<? extends TechoEvent> events, Instant at)
            throws SQLException {
        return JdbcTransactions.inTransaction(db, c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                binder.bind(ps);
                if (ps.executeUpdate() != 1) {
                    return false;
                }
            }
            OutboxJdbcWriter.append(c, EventTypes.ANCHORS_TOPIC, events, at);
            return true;
        });
    }

    private Optional<CheckpointRow> one(String sql) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            return read(ps);
        }
    }

    private static Optional<CheckpointRow> read(PreparedStatement ps) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                return Optional.empty();
            }
            long block = rs.getLong(12);
            if (rs.wasNull()) {
                block = -1;
            }
            return Optional.of(new CheckpointRow(rs.getLong(1), rs.getLong(2), rs.getBytes(3), rs.getLong(4),
                    rs.getString(5), CheckpointState.valueOf(rs.getString(6)), rs.getInt(7), rs.getString(8), rs.getString(9),
                    SqlTime.get(rs, 10), rs.getInt(11), block, rs.getLong(13), SqlTime.get(rs, 14),
                    SqlTime.get(rs, 15), SqlTime.get(rs, 16)));
        }
    }

    private interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    /** Runs one statement on its own (autocommit); returns how many rows it changed. */
    private int update(String sql, Binder binder) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            binder.bind(ps);
            return ps.executeUpdate();
        }
    }
}
