package io.techo.client;

import java.time.Instant;

/**
 * A started registration: the directory's challenge, sealed to the registering encryption key, so only the device
 * holding that key can finish it. For a clinician the operator starts it and hands this ticket over
 * ({@link TechoClient#completeRegistration}); it carries no secret.
 */
public record RegistrationTicket(String registrationId, String accountId, String enc, String sealedChallenge, Instant expiresAt) {
}
