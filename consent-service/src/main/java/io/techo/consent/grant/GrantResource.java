package io.techo.consent.grant;

import io.smallrye.mutiny.Uni;
import io.techo.common.problem.ProblemException;
import io.techo.common.problem.ProblemKind;
import io.techo.consent.config.ConsentConfig;
import io.techo.consent.grant.GrantViews.EmergencyCategories;
import io.techo.consent.grant.GrantViews.GrantPage;
import io.techo.consent.grant.GrantViews.GrantRequest;
import io.techo.consent.grant.GrantViews.GrantView;
import io.techo.kit.rest.Cursors;
import io.techo.kit.rest.Fields;
import io.techo.kit.security.CallerResolver;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "grants", description = "Patient-signed consent grants, revocation, FHIR export, break-glass categories")
public class GrantResource {

    private static final int DEFAULT_PAGE = 50;
    private static final int MAX_PAGE = 200;

    private final GrantService grants;
    private final CallerResolver callers;
    private final ConsentConfig config;
    private final Clock clock;

    public GrantResource(GrantService grants, CallerResolver callers, ConsentConfig config, Clock clock) {
        this.grants = grants;
        this.callers = callers;
        this.config = config;
        this.clock = clock;
    }

    @POST
    @Path("/grants")
    @RolesAllowed("patient")
    @Operation(summary = "Grant a clinician or facility access, signed by the patient's registered key")
    public Uni<Response> create(GrantRequest body) {
        var signed = GrantRequests.read(body, callers.current().accountId(), config, Instant.now(clock));
        return grants.create(signed).chain(created -> created.isPresent()
                ? Uni.createFrom().item(Response.created(URI.create("/api/v1/grants/" + created.get().grantId())).entity(created.get()).build())
                : grants.existing(signed.grant().grantId()).map(existing -> Response.ok(existing).build()));
    }

    @GET
    @Path("/grants")
    @RolesAllowed({"patient", "clinician"})
    @Operation(summary = "A patient's grants, or the grants naming a clinician; newest first")
    public Uni<GrantPage> list(@QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit) {
        Optional<String> before = Optional.ofNullable(cursor).map(c -> Fields.uuidV7("cursor", Cursors.decode(c)).toString());
        return grants.list(callers.current().accountId(), before, Cursors.pageSize(limit, DEFAULT_PAGE, MAX_PAGE))
                .map(page -> new GrantPage(page.items(), page.nextCursor() == null ? null : Cursors.encode(page.nextCursor())));
    }

    @GET
    @Path("/grants/{grantId}")
    @RolesAllowed({"patient", "clinician"})
    public Uni<GrantView> read(@PathParam("grantId") String grantId) {
        return grants.read(callers.current().accountId(), Fields.uuidV7("grantId", grantId));
    }

    @GET
    @Path("/grants/{grantId}/fhir")
    @Produces("application/fhir+json")
    @RolesAllowed({"patient", "clinician"})
    @Operation(summary = "The grant as a FHIR R4 Consent resource")
    public Uni<Map<String, Object>> fhir(@PathParam("grantId") String grantId) {
        return grants.fhir(callers.current().accountId(), Fields.uuidV7("grantId", grantId));
    }

    @DELETE
    @Path("/grants/{grantId}")
    @RolesAllowed("patient")
    @Operation(summary = "Revoke a grant; effective for every read that starts after this returns")
    public Uni<Response> revoke(@PathParam("grantId") String grantId) {
        return grants.revoke(callers.current().accountId(), Fields.uuidV7("grantId", grantId)).map(done -> Response.noContent().build());
    }

    @PUT
    @Path("/patients/{patientId}/emergency-categories")
    @RolesAllowed("patient")
    @Operation(summary = "Designate the categories a clinician may read by break-glass in an emergency")
    public Uni<EmergencyCategories> designate(@PathParam("patientId") String patientId, EmergencyCategories body) {
        requireSelf(patientId);
        List<String> categories = Fields.required("categories", Fields.required("body", body).categories()).stream()
                .map(category -> Fields.category("categories", category)).distinct().toList();
        return grants.designateEmergencyCategories(patientId, categories).map(EmergencyCategories::new);
    }

    @GET
    @Path("/patients/{patientId}/emergency-categories")
    @RolesAllowed("patient")
    public Uni<EmergencyCategories> emergencyCategories(@PathParam("patientId") String patientId) {
        requireSelf(patientId);
        return grants.emergencyCategories(patientId).map(EmergencyCategories::new);
    }

    private void requireSelf(String patientId) {
        if (!callers.current().isAccount(patientId)) {
            throw new ProblemException(ProblemKind.FORBIDDEN, "only the patient may change their emergency categories");
        }
    }
}
