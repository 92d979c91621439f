package io.techo.client;

import java.time.Instant;

/**
 * A clinician registration an operator started: the challenge is sealed to the clinician's encryption key, so only
 * the clinician's device can finish it ({@link TechoClient#completeRegistration}). It carries no secret.
 */
public record ClinicianTicket(String registrationId, String accountId, String enc, String sealedChallenge, Instant expiresAt) {
}
