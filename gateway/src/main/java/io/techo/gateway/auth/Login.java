package io.techo.gateway.auth;

import io.smallrye.mutiny.Uni;
import io.techo.common.crypto.Ed25519;
import io.techo.common.problem.ProblemException;
import io.techo.common.problem.ProblemKind;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * Key-based login: a signed challenge, answered with a device signature that must verify under one of the account's
 * ACTIVE signing keys, buys a short-lived access token bound to that device key. Every refusal is the same 401 kind;
 * the detail says which step failed without revealing whether an account exists.
 */
@Singleton
public class Login {

    private final LoginChallenges challenges;
    private final Directory directory;
    private final AccessTokens tokens;

    public Login(LoginChallenges challenges, Directory directory, AccessTokens tokens) {
        this.challenges = challenges;
        this.directory = directory;
        this.tokens = tokens;
    }

    public LoginChallenges.Challenge challenge(String accountId) {
        return challenges.issue(accountId);
    }

    /**
     * @param deviceKeyId optional: the key id of the signing key, to pick it among several active ones
     */
    public Uni<AccessTokens.IssuedToken> token(String accountId, String challenge, String deviceKeyId, byte[] signature) {
        challenges.redeem(accountId, challenge);
        byte[] signed = LoginChallenges.answerBytes(challenge);
        return directory.account(accountId).map(found -> {
            Directory.Account account = found.orElseThrow(Login::refused);
            List<Directory.SigningKey> candidates = account.signingKeys().stream()
                    .filter(key -> deviceKeyId == null || key.keyId().equals(deviceKeyId)).toList();
            Directory.SigningKey device = candidates.stream()
                    .filter(key -> Ed25519.verify(key.publicKey(), signed, signature))
                    .findFirst().orElseThrow(Login::refused);
            return tokens.issue(account.id(), account.role(), device.publicKey());
        });
    }

    private static ProblemException refused() {
        return new ProblemException(ProblemKind.UNAUTHENTICATED,
                "the signature does not verify under an active signing key of this account");
    }
}
