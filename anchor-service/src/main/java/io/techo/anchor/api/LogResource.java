package io.techo.anchor.api;

import io.quarkus.security.Authenticated;
import io.techo.common.problem.ProblemException;
import io.techo.common.problem.ProblemKind;
import io.techo.kit.security.CallerResolver;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.sql.SQLException;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The log's public face: what a transparency log shows anyone (its key, its latest anchored checkpoint, consistency
 * between sizes, a proof by the unguessable event id), and a record's proofs to its owner.
 */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "log", description = "The event log, its anchored checkpoints and proofs")
public class LogResource {

    private final ProofService proofs;
    private final CallerResolver callers;

    public LogResource(ProofService proofs, CallerResolver callers) {
        this.proofs = proofs;
        this.callers = callers;
    }

    @GET
    @Path("/log/key")
    @Operation(summary = "The log's origin and the checkpoint verifier key to pin")
    public LogKeyView key() {
        return proofs.key();
    }

    @GET
    @Path("/log/checkpoint")
    @Operation(summary = "The latest checkpoint anchored irreversibly on IOST")
    public CheckpointView checkpoint() throws SQLException {
        return proofs.latestCheckpoint();
    }

    @GET
    @Path("/log/consistency")
    @Operation(summary = "RFC 9162 consistency proof between two anchored tree sizes")
    public ConsistencyView consistency(@QueryParam("from") String from, @QueryParam("to") String to) throws SQLException {
        return proofs.consistency(size("from", from), size("to", to));
    }

    private static long size(String name, String value) {
        try {
            return Long.parseLong(value == null ? "" : value);
        } catch (NumberFormatException e) {
            throw new ProblemException(ProblemKind.INVALID_FIELD, name + ": a tree size (decimal integer) is required");
        }
    }

    @GET
    @Path("/proofs/events/{eventId}")
    @Operation(summary = "Where a logged event stands, with its self-contained proof once anchored irreversibly")
    public ProofView byEvent(@PathParam("eventId") String eventId) throws SQLException {
        return proofs.byEventId(eventId);
    }

    @GET
    @Path("/proofs/records/{recordId}")
    @Authenticated
    @Operation(summary = "The proofs of every logged event of one of the caller's records")
    public List<ProofView> byRecord(@PathParam("recordId") String recordId) throws SQLException {
        return proofs.byRecord(recordId, callers.current().accountId());
    }
}
