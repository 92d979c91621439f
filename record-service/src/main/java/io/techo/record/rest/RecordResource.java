package io.techo.record.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.techo.common.canonical.Jcs;
import io.techo.common.crypto.Digests;
import io.techo.common.problem.Problem;
import io.techo.common.problem.ProblemException;
import io.techo.common.problem.ProblemKind;
import io.techo.record.config.RecordServiceConfig;
import io.techo.record.mapping.RequestReader;
import io.techo.kit.security.CallerResolver;
import io.techo.kit.idempotency.IdempotencyKey;
import io.techo.record.service.RecordService;
import io.techo.kit.idempotency.StoredResponse;
import io.techo.kit.rest.Cursors;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/records")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "records", description = "Encrypted health records, their key envelopes and erasure")
public class RecordResource {

    private static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    /** Header carrying a clinician's reason for an emergency (ETREAT) read without a grant. */
    private static final String BREAK_GLASS_REASON = "X-Break-Glass-Reason";

    private final RecordService service;
    private final CallerResolver callers;
    private final RecordServiceConfig config;
    private final ObjectMapper json;

    public RecordResource(RecordService service, CallerResolver callers, RecordServiceConfig config, ObjectMapper json) {
        this.service = service;
        this.callers = callers;
        this.config = config;
        this.json = json;
    }

    @POST
    @Operation(summary = "Store a new encrypted record signed by the owner's device")
    public Uni<Response> create(CreateRecordBody body, @HeaderParam(IDEMPOTENCY_KEY) String idempotencyKey) {
        var caller = callers.current();
        var request = RequestReader.newRecord(body, caller.accountId(), config.maxCiphertextBytes());
        var key = IdempotencyKey.fromHeader(idempotencyKey, () -> fingerprint("POST /api/v1/records", body));
        return service.create(caller, request, key).map(RecordResource::toResponse);
    }

    @GET
    @Path("/{recordId}")
    @Operation(summary = "Read a record: ciphertext, the caller's key envelopes and its anchor status; non-owners need consent or break-glass")
    public Uni<RecordView> read(@PathParam("recordId") String recordId, @QueryParam("purpose") String purpose,
            @HeaderParam(BREAK_GLASS_REASON) String breakGlassReason, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return service.read(callers.current(), authorization, RequestReader.recordId(recordId),
                RequestReader.readPurpose(purpose, breakGlassReason));
    }

    @GET
    @Path("/{recordId}/proof")
    @Operation(summary = "The record's final anchor proof: the techo.anchor.confirmed event of its stored event, verbatim",
            description = "Self-contained: leaf data, RFC 9162 audit path, signed checkpoint and the IRREVERSIBLE IOST anchor, "
                    + "verifiable offline. Readable by whoever may read the record, decided exactly as for reading it.")
    @APIResponse(responseCode = "200", description = "the proof", content = @Content(mediaType = MediaType.APPLICATION_JSON))
    @APIResponse(responseCode = "404", description = "not-found, or proof-not-final while the record's anchor is not IRREVERSIBLE",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Uni<Response> proof(@PathParam("recordId") String recordId, @QueryParam("purpose") String purpose,
            @HeaderParam(BREAK_GLASS_REASON) String breakGlassReason, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return service.proof(callers.current(), authorization, RequestReader.recordId(recordId),
                        RequestReader.readPurpose(purpose, breakGlassReason))
                .map(proof -> Response.ok(proof, MediaType.APPLICATION_JSON).build());
    }

    @GET
    @Operation(summary = "List the caller's own records, newest first, cursor-paginated",
            description = "With shared=true: other owners' records whose data key was wrapped for the caller; with ownerId of "
                    + "another account: that owner's such records (shared, or set aside for an emergency read). Metadata only; "
                    + "reading one is still decided by consent.")
    public Uni<RecordPage> list(@QueryParam("ownerId") String ownerId, @QueryParam("shared") String shared,
            @QueryParam("category") String category, @QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit) {
        Optional<String> owner = Optional.ofNullable(ownerId).map(RequestReader::ownerId);
        Optional<String> categoryFilter = Optional.ofNullable(category).map(RequestReader::category);
        Optional<String> before = Optional.ofNullable(cursor).map(RecordResource::decodeCursor);
        int pageSize = Cursors.pageSize(limit, config.defaultPageSize(), config.maxPageSize());
        return service.list(callers.current(), RequestReader.sharedFlag(shared), owner, categoryFilter, before, pageSize)
                .map(page -> new RecordPage(page.items(), page.nextCursor() == null ? null : Cursors.encode(page.nextCursor())));
    }

    @POST
    @Path("/{recordId}/envelopes")
    @Operation(summary = "Add the record's data key wrapped for another recipient (owner only)")
    public Uni<Response> shareKey(@PathParam("recordId") String recordId, EnvelopeBody body,
            @HeaderParam(IDEMPOTENCY_KEY) String idempotencyKey) {
        UUID id = RequestReader.recordId(recordId);
        var envelope = RequestReader.sharedEnvelope(body);
        var key = IdempotencyKey.fromHeader(idempotencyKey, () -> fingerprint("POST /api/v1/records/" + id + "/envelopes", body));
        return service.shareKey(callers.current(), id, envelope, key).map(RecordResource::toResponse);
    }

    @DELETE
    @Path("/{recordId}")
    @Operation(summary = "Erase a record: destroy ciphertext and envelopes, keep a tombstone (owner only)")
    public Uni<Response> erase(@PathParam("recordId") String recordId) {
        return service.erase(callers.current(), RequestReader.recordId(recordId))
                .map(done -> Response.noContent().build());
    }

    private static String decodeCursor(String cursor) {
        try {
            return RequestReader.recordId(Cursors.decode(cursor)).toString();
        } catch (ProblemException e) {
            throw new ProblemException(ProblemKind.INVALID_FIELD, "cursor: not a cursor this service issued");
        }
    }

    /** Same endpoint and same JSON content (whatever its formatting) give the same fingerprint. */
    private String fingerprint(String endpoint, Object body) {
        try {
            byte[] canonical = Jcs.canonicalize(json.writeValueAsString(body));
            byte[] prefix = (endpoint + "\n").getBytes(StandardCharsets.UTF_8);
            byte[] input = new byte[prefix.length + canonical.length];
            System.arraycopy(prefix, 0, input, 0, prefix.length);
            System.arraycopy(canonical, 0, input, prefix.length, canonical.length);
            return Digests.sha256Hex(input);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("request body is not serializable", e);
        }
    }

    private static Response toResponse(StoredResponse stored) {
        Response.ResponseBuilder builder = Response.status(stored.status()).type(MediaType.APPLICATION_JSON).entity(stored.body());
        if (stored.location() != null) {
            builder.location(URI.create(stored.location()));
        }
        return builder.build();
    }
}
