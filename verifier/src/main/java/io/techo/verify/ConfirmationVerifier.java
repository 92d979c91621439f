package io.techo.verify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.techo.common.crypto.Digests;
import io.techo.common.crypto.Hex;
import io.techo.common.events.AnchorConfirmed;
import io.techo.common.events.AnchorRef;
import io.techo.common.log.Checkpoint;
import io.techo.common.log.LeafData;
import io.techo.common.log.MerkleHashes;
import io.techo.common.log.MerkleProofs;
import io.techo.common.log.NoteVerifier;
import io.techo.common.log.SignedNote;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Verifies a {@code techo.anchor.confirmed} confirmation without trusting Techo: only the confirmation, the record's
 * ciphertext (or its hash), the log's pinned verifier key and an IOST node's data are used. Each check runs even when an
 * earlier one failed, so the report shows everything that is wrong. Thread-safe.
 */
public final class ConfirmationVerifier {

    public static final String CIPHERTEXT = "ciphertext";
    public static final String OBJECT = "object";
    public static final String LEAF_DATA = "leaf-data";
    public static final String INCLUSION = "inclusion";
    public static final String CHECKPOINT = "checkpoint";
    public static final String CHAIN = AnchorTxCheck.NAME;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final NoteVerifier logKey;

    /** @param logKey the log's checkpoint key, pinned by the auditor (never taken from the confirmation) */
    public ConfirmationVerifier(NoteVerifier logKey) {
        this.logKey = Objects.requireNonNull(logKey, "logKey");
    }

    /**
     * Runs every check.
     *
     * @param confirmation the confirmation's data
     * @param ciphertextSha256 lowercase or uppercase hex SHA-256 of the record's ciphertext, or null to skip that check
     * @param chain where to read the anchoring transaction
     */
    public VerificationReport verify(AnchorConfirmed confirmation, String ciphertextSha256, ChainSource chain) {
        List<CheckResult> results = new ArrayList<>();
        results.add(guarded(CIPHERTEXT, () -> ciphertext(confirmation, ciphertextSha256)));
        results.add(guarded(OBJECT, () -> object(confirmation)));
        results.add(guarded(LEAF_DATA, () -> leafData(confirmation)));
        results.add(guarded(INCLUSION, () -> inclusion(confirmation)));
        results.add(guarded(CHECKPOINT, () -> checkpoint(confirmation)));
        results.add(guarded(CHAIN, () -> AnchorTxCheck.check(confirmation.anchor(), unverifiedCheckpoint(confirmation),
                chain.load(confirmation.anchor().txHash()))));
        return new VerificationReport(results);
    }

    private static CheckResult ciphertext(AnchorConfirmed c, String ciphertextSha256) {
        if (ciphertextSha256 == null) {
            return CheckResult.skipped(CIPHERTEXT, "no ciphertext given (--ciphertext or --ciphertext-sha256), so the "
                    + "record's content is not tied to this confirmation");
        }
        if (c.object() == null) {
            return CheckResult.fail(CIPHERTEXT, "the confirmation carries no committed object, so nothing ties a "
                    + "ciphertext to it");
        }
        JsonNode header = readJson(decode(c.object(), "object"), "object");
        JsonNode committed = header.path("ciphertextSha256");
        if (!committed.isTextual()) {
            return CheckResult.fail(CIPHERTEXT, "the committed object has no ciphertextSha256: it is not a record header");
        }
        String given = ciphertextSha256.toLowerCase(Locale.ROOT);
        return committed.textValue().equals(given)
                ? CheckResult.pass(CIPHERTEXT, "the ciphertext's SHA-256 " + given + " is the one the signed record header commits to")
                : CheckResult.fail(CIPHERTEXT, "the ciphertext's SHA-256 is " + given + ", but the record header commits to "
                        + committed.textValue());
    }

    private static CheckResult object(AnchorConfirmed c) {
        if (c.object() == null) {
            return CheckResult.skipped(OBJECT, "the confirmation carries no object: this event commits to an object "
                    + "the log does not hold");
        }
        String actual = Digests.sha256Hex(decode(c.object(), "object"));
        String committed = leaf(c).objectSha256();
        return actual.equals(committed)
                ? CheckResult.pass(OBJECT, "SHA-256 of the object, " + actual + ", is the leaf's objectSha256")
                : CheckResult.fail(OBJECT, "SHA-256 of the object is " + actual + ", but the leaf commits to " + committed);
    }

    private static CheckResult leafData(AnchorConfirmed c) {
        LeafData leaf = leaf(c);
        List<String> problems = new ArrayList<>();
        compare(problems, "event id", leaf.eventId(), c.logEventId());
        compare(problems, "event type", leaf.type(), c.logEventType());
        compare(problems, "subject", leaf.subject(), c.subject());
        return problems.isEmpty()
                ? CheckResult.pass(LEAF_DATA, "the leaf data is well-formed and names event " + leaf.eventId() + " ("
                        + leaf.type() + ", subject " + leaf.subject() + ", logged " + leaf.time() + ")")
                : CheckResult.fail(LEAF_DATA, "the leaf data is about another event: " + String.join("; ", problems));
    }

    private static CheckResult inclusion(AnchorConfirmed c) {
        Checkpoint checkpoint = unverifiedCheckpoint(c);
        byte[] leafHash = MerkleHashes.leafHash(decode(c.leafData(), "leafData"));
        List<byte[]> path = c.auditPath().stream().map(h -> decode(h, "auditPath")).toList();
        MerkleProofs.verifyInclusion(c.leafIndex(), checkpoint.size(), leafHash, path, checkpoint.root());
        return CheckResult.pass(INCLUSION, "the audit path proves leaf " + Hex.encode(leafHash) + " at index "
                + c.leafIndex() + " of the tree of size " + checkpoint.size() + " with root " + Hex.encode(checkpoint.root()));
    }

    private CheckResult checkpoint(AnchorConfirmed c) {
        Checkpoint checkpoint = logKey.verifyCheckpoint(c.checkpoint());
        AnchorRef anchor = c.anchor();
        List<String> problems = new ArrayList<>();
        compare(problems, "origin", checkpoint.origin(), anchor.origin());
        compare(problems, "size", String.valueOf(checkpoint.size()), String.valueOf(anchor.size()));
        compare(problems, "root", Hex.encode(checkpoint.root()), anchor.rootHex());
        return problems.isEmpty()
                ? CheckResult.pass(CHECKPOINT, "the checkpoint is signed by the pinned key " + logKey + " and names the "
                        + "anchored origin, size and root")
                : CheckResult.fail(CHECKPOINT, "the signed checkpoint differs from the anchor: " + String.join("; ", problems));
    }

    /** The checkpoint's values, for the checks that compare against them; the checkpoint check verifies the signature. */
    private static Checkpoint unverifiedCheckpoint(AnchorConfirmed c) {
        return Checkpoint.parse(SignedNote.parse(Objects.requireNonNull(c.checkpoint(), "the confirmation has no checkpoint")).text());
    }

    private static LeafData leaf(AnchorConfirmed c) {
        return LeafData.parse(decode(c.leafData(), "leafData"));
    }

    private static void compare(List<String> problems, String what, String fromProof, String claimed) {
        if (!fromProof.equals(claimed)) {
            problems.add(what + " is " + fromProof + ", the confirmation says " + claimed);
        }
    }

    private static byte[] decode(String base64, String field) {
        if (base64 == null) {
            throw new IllegalArgumentException("the confirmation has no " + field);
        }
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the confirmation's " + field + " is not standard base64");
        }
    }

    private static JsonNode readJson(byte[] bytes, String field) {
        try {
            JsonNode node = JSON.readTree(bytes);
            if (node == null || !node.isObject()) {
                throw new IllegalArgumentException("the " + field + " is not a JSON object");
            }
            return node;
        } catch (IOException e) {
            throw new IllegalArgumentException("the " + field + " is not JSON");
        }
    }

    /** Any error while checking fails that check with its message; the other checks still run. */
    private static CheckResult guarded(String name, Supplier<CheckResult> check) {
        try {
            return check.get();
        } catch (RuntimeException e) {
            return CheckResult.fail(name, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
    }
}
