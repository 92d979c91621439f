package io.techo.anchor.log;

import io.agroal.api.AgroalDataSource;
import io.techo.common.events.EventTypes;
import io.techo.common.log.LeafData;
import io.techo.kit.jdbc.JdbcTransactions;
import io.techo.kit.jdbc.SqlTime;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The durable, append-only log in MariaDB (blocking JDBC: appends are batched and the row lock on {@code log_head}
 * makes indexes contiguous across instances). Erasure unlinks leaves without changing any leaf hash.
 */
@ApplicationScoped
public class LogStore {

    private static final int IN_LIST_CHUNK = 500;
    private static final String LEAF_COLUMNS =
            "leaf_index, event_id, event_type, subject, owner_id, leaf_hash, leaf_data, object_bytes, event_time";

    private final AgroalDataSource db;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public LogStore(AgroalDataSource db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /**
     * Appends the events not yet in the log, in the given order, in one transaction; an event already logged (same
     * CloudEvent id) keeps its leaf. An erasure event also unlinks the erased record's earlier leaves.
     */
    public AppendResult append(List<LoggedEvent> events) throws SQLException {
        return JdbcTransactions.inTransaction(db, c -> {
            long size = lockHead(c);
            Map<String, LoggedEvent> fresh = new LinkedHashMap<>();
            events.forEach(e -> fresh.putIfAbsent(e.eventId(), e));
            fresh.keySet().removeAll(existingEventIds(c, List.copyOf(fresh.keySet())));
            insertLeaves(c, size, List.copyOf(fresh.values()));
            long sizeAfter = size + fresh.size();
            try (PreparedStatement ps = c.prepareStatement("UPDATE log_head SET size = ? WHERE id = 1")) {
                ps.setLong(1, sizeAfter);
                ps.executeUpdate();
            }
            for (LoggedEvent e : fresh.values()) {
                if (EventTypes.RECORD_ERASED.equals(e.type())) {
                    unlink(c, e.subject());
                }
            }
            return new AppendResult(fresh.size(), events.size() - fresh.size(), sizeAfter);
        });
    }

    private static long lockHead(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT size FROM log_head WHERE id = 1 FOR UPDATE");
                ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                throw new SQLException("log_head row is missing");
            }
            return rs.getLong(1);
        }
    }

    private static Set<String> existingEventIds(Connection c, List<String> ids) throws SQLException {
        Set<String> existing = new HashSet<>();
        for (int from = 0; from < ids.size(); from += IN_LIST_CHUNK) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + IN_LIST_CHUNK));
            String sql = "SELECT event_id FROM log_leaf WHERE event_id IN ("
                    + String.join(",", Collections.nCopies(chunk.size(), "?")) + ")";
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < chunk.size(); i++) {
                    ps.setString(i + 1, chunk.get(i));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        existing.add(rs.getString(1));
                    }
                }
            }
        }
        return existing;
    }

    private void insertLeaves(Connection c, long firstIndex, List<LoggedEvent> events) throws SQLException {
        if (events.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO log_leaf (" + LEAF_COLUMNS
                + ", appended_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            long index = firstIndex;
            for (LoggedEvent e : events) {
                byte[] salt = new byte[LeafData.SALT_BYTES];
                random.nextBytes(salt);
                LeafData leaf = LeafData.of(e.eventId(), e.type(), e.subject(), e.objectSha256(), e.time(), salt);
                ps.setLong(1, index++);
                ps.setString(2, e.eventId());
                ps.setString(3, e.type());
                ps.setString(4, e.subject());
                ps.setString(5, e.ownerId());
                ps.setBytes(6, leaf.leafHash());
                ps.setBytes(7, leaf.bytes());
                ps.setBytes(8, e.objectBytes());
                SqlTime.set(ps, 9, e.time());
                SqlTime.set(ps, 10, now);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** Crypto-shredding: the record's earlier leaves lose their salt, preimage and links; the tombstone's stays. */
    private static void unlink(Connection c, String recordId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE log_leaf SET leaf_data = NULL, object_bytes = NULL, "
                + "subject = NULL, owner_id = NULL WHERE subject = ? AND event_type <> ?")) {
            ps.setString(1, recordId);
            ps.setString(2, EventTypes.RECORD_ERASED);
            ps.executeUpdate();
        }
    }

    public long size() throws SQLException {
        try (Connection c = db.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT size FROM log_head WHERE id = 1");
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Leaf hashes of [from, to), in index order. */
    public List<byte[]> leafHashes(long from, long to) throws SQLException {
        List<byte[]> hashes = new ArrayList<>((int) Math.min(to - from, 1 << 20));
        try (Connection c = db.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "SELECT leaf_hash FROM log_leaf WHERE leaf_index >= ? AND leaf_index < ? ORDER BY leaf_index")) {
            ps.setLong(1, from);
            ps.setLong(2, to);
            ps.setFetchSize(10_000);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    hashes.add(rs.getBytes(1));
                }
            }
        }
        if (hashes.size() != to - from) {
            throw new SQLException("log is not contiguous in [" + from + ", " + to + "): " + hashes.size() + " leaves");
        }
        return hashes;
    }

    /** Leaves of [from, to), in index order. */
    public List<LogLeaf> leaves(long from, long to) throws SQLException {
        try (Connection c = db.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT " + LEAF_COLUMNS
                        + " FROM log_leaf WHERE leaf_index >= ? AND leaf_index < ? ORDER BY leaf_index")) {
            ps.setLong(1, from);
            ps.setLong(2, to);
            return readLeaves(ps);
        }
    }

    public Optional<LogLeaf> byEventId(String eventId) throws SQLException {
        try (Connection c = db.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT " + LEAF_COLUMNS + " FROM log_leaf WHERE event_id = ?")) {
            ps.setString(1, eventId);
            return readLeaves(ps).stream().findFirst();
        }
    }

    /** The still-linked leaves about one subject (a record id …), in index order. */
    public List<LogLeaf> bySubject(String subject) throws SQLException {
        try (Connection c = db.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT " + LEAF_COLUMNS
                        + " FROM log_leaf WHERE subject = ? ORDER BY leaf_index LIMIT 1000")) {
            ps.setString(1, subject);
            return readLeaves(ps);
        }
    }

    private static List<LogLeaf> readLeaves(PreparedStatement ps) throws SQLException {
        List<LogLeaf> leaves = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                leaves.add(new LogLeaf(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getBytes(6), rs.getBytes(7), rs.getBytes(8),
                        SqlTime.get(rs, 9)));
            }
        }
        return leaves;
    }
}
