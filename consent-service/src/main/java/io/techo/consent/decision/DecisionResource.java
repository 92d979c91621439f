package io.techo.consent.decision;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.techo.consent.config.ConsentConfig;
import io.techo.kit.rest.Fields;
import io.techo.kit.security.CallerResolver;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Internal: the record-service asks here on every non-owner read. Not routed by the gateway. */
@Path("/internal/v1/decisions")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "decisions", description = "Access decisions (internal)")
public class DecisionResource {

    private static final int MAX_REASON = 500;

    private final DecisionService decisions;
    private final CallerResolver callers;
    private final ConsentConfig config;

    public DecisionResource(DecisionService decisions, CallerResolver callers, ConsentConfig config) {
        this.decisions = decisions;
        this.callers = callers;
        this.config = config;
    }

    @POST
    @Operation(summary = "Decide whether the token's subject may read a record for a purpose, now")
    public Uni<Decision> decide(DecisionRequest body) {
        Fields.required("body", body);
        String ownerId = Fields.accountId("ownerId", body.ownerId());
        String recordId = Fields.uuidV7("recordId", body.recordId()).toString();
        String category = Fields.category("category", body.category());
        String purpose = Fields.required("purpose", body.purpose());
        if (!config.purposes().contains(purpose)) {
            throw Fields.invalid("purpose: one of the HL7 PurposeOfUse codes " + config.purposes());
        }
        Optional<String> reason = Optional.ofNullable(body.breakGlassReason()).map(text -> Fields.text("breakGlassReason", text, MAX_REASON));
        return decisions.decide(callers.current().accountId(), ownerId, recordId, category, purpose, reason);
    }
}
