package io.techo.client;

import java.time.Duration;
import java.time.Instant;

/**
 * A logged-in session: the gateway's short-lived access token for one account and role.
 *
 * @param accountId the account the token is for
 * @param role {@code patient}, {@code clinician} or {@code operator}
 * @param accessToken the bearer token
 * @param expiresAt when the gateway stops accepting it
 */
public record Session(String accountId, String role, String accessToken, Instant expiresAt) {

    /** True while the token stays valid for at least {@code margin} more (refresh before, never after, expiry). */
    public boolean validFor(Duration margin, Instant now) {
        return accessToken != null && expiresAt != null && now.plus(margin).isBefore(expiresAt);
    }
}
