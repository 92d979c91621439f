package io.techo.client;

import io.techo.common.events.AnchorConfirmed;
import io.techo.common.events.EventTypes;
import io.techo.common.log.NoteVerifier;
import io.techo.iost.IostClient;
import io.techo.verify.ChainSource;
import io.techo.verify.ConfirmationVerifier;
import io.techo.verify.VerificationReport;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * Proves a record's existence from the chain with the verifier module: the record's proof from the gateway, the
 * ciphertext as downloaded, the pinned log key and an IOST node of the user's choice — nothing else is trusted.
 */
final class AnchorVerification {

    private static final Duration POLL = Duration.ofMillis(500);

    private final Records records;

    AnchorVerification(Records records) {
        this.records = records;
    }

    VerificationReport verify(UUID recordId, String purpose, String logKey, URI iostNode) {
        NoteVerifier pinned;
        try {
            pinned = NoteVerifier.fromVerifierKey(logKey);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the log key is not a signed-note verifier key: " + e.getMessage());
        }
        RecordSummary downloaded = records.downloadedSummary(recordId, purpose);
        AnchorConfirmed confirmation = records.proof(recordId, purpose);
        if (!recordId.toString().equals(confirmation.subject()) || !EventTypes.RECORD_STORED.equals(confirmation.logEventType())) {
            throw new IntegrityException("the proof served for record " + recordId + " is about another event ("
                    + confirmation.logEventType() + " of " + confirmation.subject() + ")");
        }
        return new ConfirmationVerifier(pinned).verify(confirmation, downloaded.ciphertextSha256(), ChainSource.node(new IostClient(iostNode)));
    }

    /**
     * Waits until the record's anchor is IRREVERSIBLE or the timeout passes, and returns the status last seen. Polls the
     * listings (own records, then those shared with the caller), not the record itself: a read by a non-owner is
     * logged in the patient's access log, a listing is not.
     */
    String awaitIrreversible(UUID recordId, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        String status = anchorStatus(recordId);
        while (!AnchorInfo.IRREVERSIBLE.equals(status) && Instant.now().isBefore(deadline)) {
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return status;
            }
            status = anchorStatus(recordId);
        }
        return status;
    }

    private String anchorStatus(UUID recordId) {
        for (boolean shared : new boolean[] {false, true}) {
            for (RecordSummary summary : records.all(null, shared)) {
                if (summary.recordId().equals(recordId)) {
                    return summary.anchorStatus();
                }
            }
        }
        throw new ApiException(new io.techo.common.problem.Problem("urn:techo:problem:not-found", "No such resource", 404,
                "no record " + recordId + " among your records or those shared with you", null, null));
    }
}
