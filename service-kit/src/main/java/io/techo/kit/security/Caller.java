package io.techo.kit.security;

import java.util.Optional;

/**
 * The authenticated caller of a request, taken from the verified JWT.
 *
 * @param accountId the {@code sub} claim
 * @param deviceKey the raw Ed25519 public key of the logged-in device ({@code cnf.jwk}), if the token names one
 */
public record Caller(String accountId, Optional<byte[]> deviceKey) {

    public boolean isAccount(String id) {
        return accountId.equals(id);
    }
}
