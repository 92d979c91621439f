package io.techo.consent.decision;

import io.smallrye.mutiny.Uni;
import io.techo.consent.directory.PartyKind;
import io.techo.consent.grant.ConsentGrant;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What a decision reads, straight from the database as it is now (no cache: a committed revocation is seen by the
 * next decision): the accessor's kind and the owner's grants naming the accessor or the accessor's facility — one
 * statement on the reactive pool, since every clinician read waits on it. The grants are put in order here, not by
 * the statement: an ORDER BY over this join makes MariaDB sort through a temporary table, on disk because of the TEXT
 * columns, on every read.
 */
@ApplicationScoped
class DecisionFacts {

    private static final String ACCESSOR_AND_GRANTS = """
            SELECT p.kind, g.id, g.status, g.purpose, g.not_before, g.not_after, g.record_ids, g.categories
              FROM party p
              LEFT JOIN consent_grant g ON g.patient_id = ? AND g.grantee_id IN (p.id, p.facility_id)
             WHERE p.id = ?""";

    /** The accessor's kind (null if no such party) and the candidate grants, oldest first. */
    record Facts(PartyKind accessorKind, List<ConsentGrant> grants) {
    }

    private final Pool pool;

    DecisionFacts(Pool pool) {
        this.pool = pool;
    }

    Uni<Facts> load(String accessorId, String ownerId) {
        return pool.preparedQuery(ACCESSOR_AND_GRANTS).execute(Tuple.of(ownerId, accessorId)).map(DecisionFacts::facts);
    }

    Uni<Boolean> isEmergencyCategory(String ownerId, String category) {
        return pool.preparedQuery("SELECT 1 FROM emergency_category WHERE patient_id = ? AND category = ?")
                .execute(Tuple.of(ownerId, category))
                .map(rows -> rows.size() > 0);
    }

    private static Facts facts(RowSet<Row> rows) {
        PartyKind kind = null;
        List<ConsentGrant> grants = new ArrayList<>();
        for (Row row : rows) {
            kind = PartyKind.valueOf(row.getString("kind"));
            if (row.getString("id") != null) {
                grants.add(grant(row));
            }
        }
        grants.sort(Comparator.comparing(grant -> grant.id));
        return new Facts(kind, grants);
    }

    private static ConsentGrant grant(Row row) {
        ConsentGrant grant = new ConsentGrant();
        grant.id = row.getString("id");
        grant.status = ConsentGrant.Status.valueOf(row.getString("status"));
        grant.purpose = row.getString("purpose");
        grant.notBefore = row.getLocalDateTime("not_before").toInstant(ZoneOffset.UTC);
        grant.notAfter = row.getLocalDateTime("not_after").toInstant(ZoneOffset.UTC);
        grant.recordIdsJson = row.getString("record_ids");
        grant.categoriesJson = row.getString("categories");
        return grant;
    }
}
