package io.techo.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.techo.client.keystore.DeviceKeys;
import io.techo.client.keystore.Keystore;
import io.techo.common.crypto.CryptoException;
import io.techo.common.ids.Uuids;
import io.techo.common.protocol.RegistrationObject;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Registration with proof of possession (docs/protocol.md §8): the directory seals a challenge to the new encryption
 * key; the device opens it (proving that key) and signs it with the new signing key (proving that one).
 */
final class Registration {

    private static final byte[] INFO = "techo-v1/registration".getBytes(StandardCharsets.US_ASCII);

    private final GatewayHttp http;

    Registration(GatewayHttp http) {
        this.http = http;
    }

    /** A patient registers themself; returns the account id. */
    String registerPatient(DeviceKeys device, String displayName) {
        JsonNode challenge = http.post("/api/v1/registrations",
                start(displayName, null, device.signingPublicKey(), device.encryptionPublicKey()), null);
        return confirm(device, GatewayHttp.convert(challenge, RegistrationTicket.class));
    }

    /** An operator starts a clinician's registration with the clinician's public keys. */
    RegistrationTicket startClinician(String operatorToken, String facilityId, String displayName, Keystore.PublicKeys clinicianKeys) {
        JsonNode challenge = http.post("/api/v1/clinician-registrations",
                start(displayName, facilityId, clinicianKeys.signingPublicKey(), clinicianKeys.encryptionPublicKey()), operatorToken);
        return GatewayHttp.convert(challenge, RegistrationTicket.class);
    }

    /** The registering device opens the sealed challenge and proves both keys; returns the account id. */
    String confirm(DeviceKeys device, RegistrationTicket ticket) {
        byte[] answer;
        try {
            answer = device.open(decode(ticket.enc()), INFO, ticket.registrationId().getBytes(StandardCharsets.US_ASCII),
                    decode(ticket.sealedChallenge()));
        } catch (CryptoException e) {
            throw new SetupException("this registration was not made for this device's keys (the challenge does not open)", e);
        }
        RegistrationObject signed = new RegistrationObject(Uuids.parseCanonical(ticket.registrationId()), ticket.accountId(),
                device.signingKeyId(), device.encryptionKeyId(), answer);
        Map<String, Object> confirmation = Map.of(
                "challenge", Base64.getEncoder().encodeToString(answer),
                "signature", Base64.getEncoder().encodeToString(device.sign(signed.canonicalBytes())));
        JsonNode party = http.post("/api/v1/registrations/" + ticket.registrationId() + "/confirmation", confirmation, null);
        return party.path("id").asText(ticket.accountId());
    }

    private static Map<String, Object> start(String displayName, String facilityId, byte[] signingKey, byte[] encryptionKey) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("displayName", displayName);
        if (facilityId != null) {
            body.put("facilityId", facilityId);
        }
        body.put("signingKey", Base64.getEncoder().encodeToString(signingKey));
        body.put("encryptionKey", Base64.getEncoder().encodeToString(encryptionKey));
        return body;
    }

    private static byte[] decode(String base64) {
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new SetupException("the registration ticket is damaged (not base64)");
        }
    }
}
