package io.techo.anchor;

import static org.assertj.core.api.Assertions.assertThat;

import io.techo.common.crypto.Digests;
import io.techo.common.events.AnchorConfirmed;
import io.techo.common.log.NoteVerifier;
import io.techo.iost.IostClient;
import io.techo.verify.ChainSource;
import io.techo.verify.ConfirmationVerifier;
import io.techo.verify.VerificationReport;

/** What an auditor runs: the standalone verifier, given the confirmation, the ciphertext, the pinned key, a node. */
final class ProofChecks {

    private ProofChecks() {
    }

    static void verify(AnchorConfirmed confirmation, byte[] ciphertext, String pinnedLogKey, IostClient node) {
        VerificationReport report = new ConfirmationVerifier(NoteVerifier.fromVerifierKey(pinnedLogKey))
                .verify(confirmation, Digests.sha256Hex(ciphertext), ChainSource.node(node));
        assertThat(report.passed()).as(report.toText()).isTrue();
    }
}
