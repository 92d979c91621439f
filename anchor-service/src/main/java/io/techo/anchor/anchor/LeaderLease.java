package io.techo.anchor.anchor;

import io.agroal.api.AgroalDataSource;
import io.techo.common.ids.Uuids;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * One instance at a time anchors: it holds a lease row, renewed well before it runs out (database clock). Another
 * instance takes over only after the holder stopped renewing for {@link #LEASE_SECONDS}.
 */
@ApplicationScoped
public class LeaderLease {

    static final int LEASE_SECONDS = 10;
    private static final long RENEW_EVERY_NANOS = 2_000_000_000L;

    private final AgroalDataSource db;
    private final String holder = "anchor-" + Uuids.v7();
    private long renewedAt;
    private boolean held;

    public LeaderLease(AgroalDataSource db) {
        this.db = db;
    }

    /** Acquires or renews the lease; true while this instance holds it. */
    public synchronized boolean hold() throws SQLException {
        long now = System.nanoTime();
        if (held && now - renewedAt < RENEW_EVERY_NANOS) {
            return true;
        }
        try (Connection c = db.getConnection();
                PreparedStatement ps = c.prepareStatement("UPDATE anchor_lease SET holder = ?, "
                        + "lease_until = NOW(6) + INTERVAL " + LEASE_SECONDS + " SECOND "
                        + "WHERE name = 'anchor' AND (holder IS NULL OR holder = ? OR lease_until < NOW(6))")) {
            ps.setString(1, holder);
            ps.setString(2, holder);
            held = ps.executeUpdate() == 1;
            renewedAt = now;
            return held;
        }
    }

    /** Gives the lease up at shutdown, so another instance takes over at once. */
    public synchronized void release() throws SQLException {
        try (Connection c = db.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "UPDATE anchor_lease SET holder = NULL, lease_until = NULL WHERE name = 'anchor' AND holder = ?")) {
            ps.setString(1, holder);
            ps.executeUpdate();
            held = false;
        }
    }
}
