package io.techo.consent.directory;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.techo.common.crypto.Ed25519;
import io.techo.common.crypto.X25519;
import io.techo.common.problem.ProblemException;
import io.techo.common.problem.ProblemKind;
import io.techo.consent.directory.DirectoryViews.ClinicianList;
import io.techo.consent.directory.DirectoryViews.FacilityRequest;
import io.techo.consent.directory.DirectoryViews.KeyView;
import io.techo.consent.directory.DirectoryViews.NewKeyRequest;
import io.techo.consent.directory.DirectoryViews.PartyView;
import io.techo.consent.directory.DirectoryViews.RegistrationChallenge;
import io.techo.consent.directory.DirectoryViews.RegistrationConfirmation;
import io.techo.consent.directory.DirectoryViews.RegistrationRequest;
import io.techo.kit.rest.Fields;
import io.techo.kit.security.CallerResolver;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "directory", description = "Parties, their public keys and key history")
public class DirectoryResource {

    private final DirectoryService directory;
    private final CallerResolver callers;

    public DirectoryResource(DirectoryService directory, CallerResolver callers) {
        this.directory = directory;
        this.callers = callers;
    }

    @POST
    @Path("/registrations")
    @PermitAll
    @Operation(summary = "Start registering a patient: returns a challenge sealed to the encryption key")
    public Uni<Response> startPatientRegistration(RegistrationRequest body) {
        Fields.required("body", body);
        if (body.facilityId() != null) {
            throw Fields.invalid("facilityId: only clinicians belong to a facility");
        }
        return startRegistration(PartyKind.PATIENT, body, null);
    }

    @POST
    @Path("/clinician-registrations")
    @RolesAllowed("operator")
    @Operation(summary = "Start registering a clinician of a facility (operators): returns a challenge sealed to the encryption key")
    public Uni<Response> startClinicianRegistration(RegistrationRequest body) {
        Fields.required("body", body);
        return startRegistration(PartyKind.CLINICIAN, body, Fields.accountId("facilityId", body.facilityId()));
    }

    private Uni<Response> startRegistration(PartyKind kind, RegistrationRequest body, String facilityId) {
        String displayName = Fields.text("displayName", body.displayName(), 200);
        byte[] signingKey = Fields.base64OfLength("signingKey", body.signingKey(), Ed25519.KEY_BYTES, "an Ed25519 public key");
        byte[] encryptionKey = Fields.base64OfLength("encryptionKey", body.encryptionKey(), X25519.KEY_BYTES, "an X25519 public key");
        return directory.startRegistration(kind, displayName, facilityId, signingKey, encryptionKey)
                .map(challenge -> Response.status(201).entity(challenge).build());
    }

    @POST
    @Path("/registrations/{registrationId}/confirmation")
    @PermitAll
    @Operation(summary = "Finish a registration with the decrypted challenge and a signature by the new signing key")
    public Uni<Response> confirmRegistration(@PathParam("registrationId") String registrationId, RegistrationConfirmation body) {
        Fields.required("body", body);
        var id = Fields.uuidV7("registrationId", registrationId);
        byte[] challenge = Fields.base64OfLength("challenge", body.challenge(), 32, "the challenge");
        byte[] signature = Fields.base64OfLength("signature", body.signature(), Ed25519.SIGNATURE_BYTES, "an Ed25519 signature");
        return directory.confirmRegistration(id, challenge, signature)
                .map(party -> Response.created(URI.create("/api/v1/parties/" + party.id())).entity(party).build());
    }

    @POST
    @Path("/facilities")
    @RolesAllowed("operator")
    @Operation(summary = "Register a medical facility (operators)")
    public Uni<Response> createFacility(FacilityRequest body) {
        String name = Fields.text("displayName", Fields.required("body", body).displayName(), 200);
        return directory.createFacility(name)
                .map(facility -> Response.created(URI.create("/api/v1/parties/" + facility.id())).entity(facility).build());
    }

    @GET
    @Path("/parties")
    @Authenticated
    @Operation(summary = "Find clinicians by facility name and name (case-insensitive substrings), for sharing")
    public Uni<ClinicianList> searchClinicians(@QueryParam("kind") String kind, @QueryParam("facility") String facility,
            @QueryParam("name") String name) {
        if (!"CLINICIAN".equals(kind)) {
            throw Fields.invalid("kind: only CLINICIAN can be searched");
        }
        return directory.searchClinicians(searchText("facility", facility), searchText("name", name), 20);
    }

    private static String searchText(String field, String text) {
        if (text != null && text.length() > 100) {
            throw Fields.invalid(field + ": at most 100 characters");
        }
        return text == null ? "" : text.strip();
    }

    @GET
    @Path("/parties/{partyId}")
    @Authenticated
    @Operation(summary = "A party with its whole key history")
    public Uni<PartyView> party(@PathParam("partyId") String partyId) {
        return directory.party(Fields.accountId("partyId", partyId));
    }

    @GET
    @Path("/keys/{keyId}")
    @Authenticated
    @Operation(summary = "Look up a public key by its key id, active or retired")
    public Uni<KeyView> key(@PathParam("keyId") String keyId) {
        return directory.key(Fields.sha256Hex("keyId", keyId));
    }

    @POST
    @Path("/parties/{partyId}/keys")
    @Authenticated
    @Operation(summary = "Add a device key to one's own account, authorized by an active signing key")
    public Uni<Response> addKey(@PathParam("partyId") String partyId, NewKeyRequest body) {
        requireSelf(partyId);
        Fields.required("body", body);
        PartyKey.Use use = switch (String.valueOf(body.use()).toUpperCase(Locale.ROOT)) {
            case "SIGNING" -> PartyKey.Use.SIGNING;
            case "ENCRYPTION" -> PartyKey.Use.ENCRYPTION;
            default -> throw Fields.invalid("use: SIGNING or ENCRYPTION");
        };
        byte[] publicKey = Fields.base64OfLength("publicKey", body.publicKey(), Ed25519.KEY_BYTES, "a public key");
        String authorizingKeyId = Fields.sha256Hex("authorizingKeyId", body.authorizingKeyId());
        byte[] authorization = Fields.base64OfLength("authorization", body.authorization(), Ed25519.SIGNATURE_BYTES, "an Ed25519 signature");
        byte[] proof = use == PartyKey.Use.SIGNING
                ? Fields.base64OfLength("proof", body.proof(), Ed25519.SIGNATURE_BYTES, "an Ed25519 signature")
                : null;
        return directory.addKey(partyId, use, publicKey, authorizingKeyId, authorization, proof)
                .map(key -> Response.created(URI.create("/api/v1/keys/" + key.keyId())).entity(key).build());
    }

    @DELETE
    @Path("/parties/{partyId}/keys/{keyId}")
    @Authenticated
    @Operation(summary = "Retire one of one's own keys; it stays in the key history")
    public Uni<KeyView> retireKey(@PathParam("partyId") String partyId, @PathParam("keyId") String keyId) {
        requireSelf(partyId);
        return directory.retireKey(partyId, Fields.sha256Hex("keyId", keyId));
    }

    private void requireSelf(String partyId) {
        if (!callers.current().isAccount(partyId)) {
            throw new ProblemException(ProblemKind.FORBIDDEN, "only the account itself may change its keys");
        }
    }
}
