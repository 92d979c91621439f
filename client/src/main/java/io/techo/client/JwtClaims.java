package io.techo.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.Base64;

/**
 * Reads the role from the gateway's access token. The client does not verify the token (the gateway and the services
 * do); it only shows the user which role the gateway gave them.
 */
final class JwtClaims {

    private JwtClaims() {
    }

    static String role(String jwt) {
        String[] parts = jwt.split("\\.");
        if (parts.length != 3) {
            throw new IntegrityException("the access token is not a JWT");
        }
        try {
            JsonNode claims = GatewayHttp.JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
            JsonNode groups = claims.path("groups");
            return groups.isArray() && groups.size() > 0 ? groups.get(0).asText() : "unknown";
        } catch (IOException | IllegalArgumentException e) {
            throw new IntegrityException("the access token's claims are unreadable");
        }
    }
}
