package io.techo.verify;

import static io.techo.verify.AnchoredLogFixture.TARGET_CIPHERTEXT;
import static io.techo.verify.AnchoredLogFixture.LOG_KEY;
import static io.techo.verify.AnchoredLogFixture.b64;
import static io.techo.verify.ConfirmationVerifier.CHAIN;
import static io.techo.verify.ConfirmationVerifier.CHECKPOINT;
import static io.techo.verify.ConfirmationVerifier.CIPHERTEXT;
import static io.techo.verify.ConfirmationVerifier.INCLUSION;
import static io.techo.verify.ConfirmationVerifier.LEAF_DATA;
import static io.techo.verify.ConfirmationVerifier.OBJECT;
import static org.assertj.core.api.Assertions.assertThat;

import io.techo.common.crypto.Digests;
import io.techo.common.crypto.Hex;
import io.techo.common.events.AnchorConfirmed;
import io.techo.common.log.Checkpoint;
import io.techo.common.log.LeafData;
import io.techo.common.log.NoteSigner;
import io.techo.common.log.NoteVerifier;
import io.techo.common.log.SignedNote;
import io.techo.iost.IostClient;
import io.techo.iost.devnet.Devnet;
import io.techo.iost.devnet.Faults;
import io.techo.iost.rpc.TxReceipt;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A genuine confirmation, anchored on a devnet, verifies; every kind of tampering fails the right check. */
class ConfirmationVerifierTest {

    private static final String CIPHERTEXT_SHA256 = Digests.sha256Hex(TARGET_CIPHERTEXT);
    private static final ConfirmationVerifier VERIFIER =
            new ConfirmationVerifier(NoteVerifier.fromVerifierKey(LOG_KEY.verifierKey()));

    @TempDir
    static Path dir;
    static Devnet devnet;
    static IostClient client;
    static ChainSource node;
    static AnchorConfirmed genuine;

    @BeforeAll
    static void anchorALog() {
        devnet = AnchoredLogFixture.startDevnet(dir.resolve("devnet"));
        client = new IostClient(devnet.uri());
        node = ChainSource.node(client);
        genuine = AnchoredLogFixture.anchorAndConfirm(client, "techo.test/verifier");
    }

    @AfterAll
    static void stopDevnet() {
        devnet.close();
    }

    @Test
    void aGenuineConfirmationPassesEveryCheck() {
        VerificationReport report = VERIFIER.verify(genuine, CIPHERTEXT_SHA256, node);
        assertThat(report.checks()).extracting(CheckResult::status).containsOnly(CheckStatus.PASS);
        assertThat(report.checks()).extracting(CheckResult::name)
                .containsExactly(CIPHERTEXT, OBJECT, LEAF_DATA, INCLUSION, CHECKPOINT, CHAIN);
        assertThat(report.passed()).isTrue();
    }

    @Test
    void aGenuineConfirmationPassesOfflineFromAnExportedBundle() {
        Path bundle = dir.resolve("bundle.json");
        ChainBundle.write(node.load(genuine.anchor().txHash()), bundle);
        VerificationReport report = VERIFIER.verify(genuine, CIPHERTEXT_SHA256, ChainSource.bundle(bundle));
        assertThat(report.passed()).as(report.toText()).isTrue();
    }

    @Test
    void withoutCiphertextThatCheckIsSkippedAndTheRestStillPass() {
        VerificationReport report = VERIFIER.verify(genuine, null, node);
        assertThat(report.check(CIPHERTEXT).status()).isEqualTo(CheckStatus.SKIPPED);
        assertThat(report.passed()).isTrue();
    }

    @Test
    void anotherCiphertextFailsTheCiphertextCheck() {
        VerificationReport report = VERIFIER.verify(genuine, Digests.sha256Hex(new byte[] {1}), node);
        assertFailsOnly(report, CIPHERTEXT);
    }

    @Test
    void anotherObjectFailsTheObjectCheck() {
        String header = new String(Base64.getDecoder().decode(genuine.object()), StandardCharsets.UTF_8);
        String forged = header.replace("blood-pressure", "blood-sugar");
        VerificationReport report = VERIFIER.verify(Tamper.object(genuine, b64(forged.getBytes(StandardCharsets.UTF_8))),
                null, node);
        assertFailsOnly(report, OBJECT);
    }

    @Test
    void leafDataOfAnotherEventFailsTheLeafDataCheck() {
        LeafData leaf = leaf(genuine);
        LeafData other = LeafData.of("another-event", leaf.type(), leaf.subject(), leaf.objectSha256(), leaf.time(), leaf.salt());
        VerificationReport report = VERIFIER.verify(Tamper.leafData(genuine, b64(other.bytes())), CIPHERTEXT_SHA256, node);
        assertThat(report.check(LEAF_DATA).status()).isEqualTo(CheckStatus.FAIL);
        assertThat(report.check(LEAF_DATA).message()).contains("event id is another-event");
        assertThat(report.check(INCLUSION).status()).isEqualTo(CheckStatus.FAIL);
        assertThat(report.passed()).isFalse();
    }

    @Test
    void nonCanonicalLeafDataFailsTheLeafDataCheck() {
        String spaced = new String(leaf(genuine).bytes(), StandardCharsets.UTF_8).replace(",", ", ");
        VerificationReport report = VERIFIER.verify(Tamper.leafData(genuine, b64(spaced.getBytes(StandardCharsets.UTF_8))),
                null, node);
        assertThat(report.check(LEAF_DATA).status()).isEqualTo(CheckStatus.FAIL);
        assertThat(report.check(LEAF_DATA).message()).contains("canonical");
        assertThat(report.passed()).isFalse();
    }

    @Test
    void aTamperedAuditPathFailsTheInclusionCheck() {
        List<String> path = new ArrayList<>(genuine.auditPath());
        byte[] first = Base64.getDecoder().decode(path.get(0));
        first[0] ^= 1;
        path.set(0, b64(first));
        assertFailsOnly(VERIFIER.verify(Tamper.auditPath(genuine, path), CIPHERTEXT_SHA256, node), INCLUSION);
        List<String> extended = new ArrayList<>(genuine.auditPath());
        extended.add(genuine.auditPath().get(0));
        assertFailsOnly(VERIFIER.verify(Tamper.auditPath(genuine, extended), CIPHERTEXT_SHA256, node), INCLUSION);
    }

    @Test
    void aForgedCheckpointSignatureFailsTheCheckpointCheck() {
        String note = genuine.checkpoint();
        int signatureStart = note.lastIndexOf(' ') + 1;
        char flipped = note.charAt(signatureStart + 10) == 'A' ? 'B' : 'A';
        String forged = note.substring(0, signatureStart + 10) + flipped + note.substring(signatureStart + 11);
        VerificationReport report = VERIFIER.verify(Tamper.checkpoint(genuine, forged, genuine.anchor()), CIPHERTEXT_SHA256, node);
        assertFailsOnly(report, CHECKPOINT);
    }

    @Test
    void aCheckpointSignedByAnotherKeyFailsTheCheckpointCheck() {
        ConfirmationVerifier pinnedElsewhere = new ConfirmationVerifier(
                NoteVerifier.fromVerifierKey(NoteSigner.generate("techo.test/log").verifierKey()));
        VerificationReport report = pinnedElsewhere.verify(genuine, CIPHERTEXT_SHA256, node);
        assertFailsOnly(report, CHECKPOINT);
        assertThat(report.check(CHECKPOINT).message()).contains("no signature by key techo.test/log+");
    }

    @Test
    void aSignedCheckpointThatIsNotTheAnchoredOneFailsTheChainCheck() {
        Checkpoint anchored = Checkpoint.parse(SignedNote.parse(genuine.checkpoint()).text());
        byte[] otherRoot = Digests.sha256("a root that was never anchored".getBytes(StandardCharsets.UTF_8));
        Checkpoint other = new Checkpoint(anchored.origin(), anchored.size() + 1, otherRoot);
        AnchorConfirmed forged = Tamper.checkpoint(genuine, LOG_KEY.sign(other),
                Tamper.anchor(genuine.anchor(), other.size(), Hex.encode(otherRoot), genuine.anchor().txHash()));
        VerificationReport report = VERIFIER.verify(forged, CIPHERTEXT_SHA256, node);
        assertThat(report.check(CHECKPOINT).status()).isEqualTo(CheckStatus.PASS);
        assertThat(report.check(CHAIN).status()).isEqualTo(CheckStatus.FAIL);
        assertThat(report.check(CHAIN).message()).contains("the call anchors");
        assertThat(report.passed()).isFalse();
    }

    @Test
    void anAnchorRefThatDiffersFromTheCheckpointFailsTheCheckpointCheck() {
        AnchorConfirmed forged = Tamper.checkpoint(genuine, genuine.checkpoint(),
                Tamper.anchor(genuine.anchor(), genuine.anchor().size() + 1, genuine.anchor().rootHex(), genuine.anchor().txHash()));
        VerificationReport report = VERIFIER.verify(forged, CIPHERTEXT_SHA256, node);
        assertFailsOnly(report, CHECKPOINT);
    }

    @Test
    void aFailedAnchorTxFailsTheChainCheck() {
        devnet.faults().set(new Faults.Settings(false, false, 0, TxReceipt.StatusCode.RUNTIME_ERROR, false));
        AnchorConfirmed failed;
        try {
            failed = AnchoredLogFixture.anchorAndConfirm(client, "techo.test/failed-tx");
        } finally {
            devnet.faults().set(Faults.Settings.none());
        }
        VerificationReport report = VERIFIER.verify(failed, CIPHERTEXT_SHA256, node);
        assertFailsOnly(report, CHAIN);
        assertThat(report.check(CHAIN).message()).contains("failed on chain with status RUNTIME_ERROR");
    }

    @Test
    void anExportedBundleWithAnEditedArgumentFailsTheChainCheck() throws Exception {
        Path bundle = dir.resolve("edited-bundle.json");
        ChainBundle.write(node.load(genuine.anchor().txHash()), bundle);
        String json = Files.readString(bundle);
        String size = "\\\"," + genuine.anchor().size() + ",\\\"";
        assertThat(json).contains(size);
        Files.writeString(bundle, json.replace(size, "\\\"," + (genuine.anchor().size() + 1) + ",\\\""));
        VerificationReport report = VERIFIER.verify(genuine, CIPHERTEXT_SHA256, ChainSource.bundle(bundle));
        assertFailsOnly(report, CHAIN);
    }

    @Test
    void anExportedBundleWithAnEditedContractReceiptFailsTheChainCheck() throws Exception {
        Path bundle = dir.resolve("edited-receipt.json");
        ChainBundle.write(node.load(genuine.anchor().txHash()), bundle);
        String json = Files.readString(bundle);
        String size = "\\\"size\\\":" + genuine.anchor().size();
        assertThat(json).contains(size);
        Files.writeString(bundle, json.replace(size, "\\\"size\\\":" + (genuine.anchor().size() + 1)));
        VerificationReport report = VERIFIER.verify(genuine, CIPHERTEXT_SHA256, ChainSource.bundle(bundle));
        assertFailsOnly(report, CHAIN);
        assertThat(report.check(CHAIN).message()).contains("the contract's receipt records");
    }

    @Test
    void anUnknownTxFailsTheChainCheckWithTheNodesAnswer() {
        AnchorConfirmed forged = Tamper.checkpoint(genuine, genuine.checkpoint(), Tamper.anchor(genuine.anchor(),
                genuine.anchor().size(), genuine.anchor().rootHex(), "5dEGoL3GvaT3jb1U5w2GkDUNffHoiMmgd9MMuZbUcpfN"));
        VerificationReport report = VERIFIER.verify(forged, CIPHERTEXT_SHA256, node);
        assertFailsOnly(report, CHAIN);
        assertThat(report.check(CHAIN).message()).contains("gave no transaction");
    }

    private static LeafData leaf(AnchorConfirmed c) {
        return LeafData.parse(Base64.getDecoder().decode(c.leafData()));
    }

    private static void assertFailsOnly(VerificationReport report, String check) {
        assertThat(report.passed()).as(report.toText()).isFalse();
        assertThat(report.checks()).as(report.toText())
                .filteredOn(c -> c.status() == CheckStatus.FAIL).extracting(CheckResult::name).containsExactly(check);
    }
}
