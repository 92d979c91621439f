package io.techo.record.access;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.techo.kit.rest.Cursors;
import io.techo.kit.rest.Fields;
import io.techo.kit.security.CallerResolver;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The patient's own access log: who read (or tried to read) which record, when, why, and what was decided. */
@Path("/api/v1/access-log")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "access log", description = "Every decided read of the caller's records by someone else")
public class AccessLogResource {

    private static final int DEFAULT_PAGE = 50;
    private static final int MAX_PAGE = 200;

    private final AccessLog log;
    private final CallerResolver callers;

    public AccessLogResource(AccessLog log, CallerResolver callers) {
        this.log = log;
        this.callers = callers;
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Entry(String accessId, String accessorId, String recordId, String category, String purpose, String decision,
            String reason, String grantId, String breakGlassReason, Instant decidedAt) {
    }

    public record Page(List<Entry> items, String nextCursor) {
    }

    @GET
    @Operation(summary = "The caller's access log, newest first, cursor-paginated")
    public Uni<Page> list(@QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit) {
        Optional<String> before = Optional.ofNullable(cursor).map(c -> Fields.uuidV7("cursor", Cursors.decode(c)).toString());
        int pageSize = Cursors.pageSize(limit, DEFAULT_PAGE, MAX_PAGE);
        return log.pageOf(callers.current().accountId(), before, pageSize).map(rows -> {
            boolean more = rows.size() > pageSize;
            List<AccessLogEntry> page = more ? rows.subList(0, pageSize) : rows;
            return new Page(page.stream().map(e -> new Entry(e.id, e.accessorId, e.recordId, e.category, e.purpose, e.decision,
                    e.reason, e.grantId, e.breakGlassReason, e.decidedAt)).toList(), more ? Cursors.encode(page.get(pageSize - 1).id) : null);
        });
    }
}
