package io.techo.web;

import static io.techo.web.Interop.b64;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.techo.common.canonical.Jcs;
import io.techo.common.canonical.RecordHeader;
import io.techo.common.crypto.Digests;
import io.techo.common.crypto.Ed25519;
import io.techo.common.crypto.Ed25519KeyPair;
import io.techo.common.crypto.Hex;
import io.techo.common.crypto.KeyEnvelope;
import io.techo.common.crypto.KeyEnvelopes;
import io.techo.common.crypto.KeyIds;
import io.techo.common.crypto.PayloadCipher;
import io.techo.common.crypto.RecordAad;
import io.techo.common.crypto.X25519;
import io.techo.common.crypto.X25519KeyPair;
import io.techo.common.ids.Uuids;
import io.techo.common.log.Checkpoint;
import io.techo.common.log.LeafData;
import io.techo.common.log.MerkleLog;
import io.techo.common.log.NoteSigner;
import io.techo.common.protocol.GrantObject;
import io.techo.common.protocol.RegistrationObject;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Writes objects made by the Java implementation ({@code common}) for the browser code to open and verify: records
 * (encrypted, wrapped, signed), signed grants, a registration object, JCS cases and an anchor confirmation with its
 * log proof and chain data. The keys are fresh each run, so the browser cannot pass on remembered bytes.
 */
class JavaVectorsTest {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Test
    void writesJavaVectors() {
        Ed25519KeyPair signing = Ed25519.generate();
        X25519KeyPair encryption = X25519.generate();
        X25519KeyPair javaRecipient = X25519.generate();
        String owner = "pat-" + UUID.randomUUID();
        ObjectNode root = Interop.JSON.createObjectNode();
        root.putObject("patient")
                .put("accountId", owner)
                .put("signingPrivate", b64(signing.privateKey()))
                .put("signingPublic", b64(signing.publicKey()))
                .put("encryptionPrivate", b64(encryption.privateKey()))
                .put("encryptionPublic", b64(encryption.publicKey()));
        root.putObject("javaRecipient")
                .put("accountId", "cli-" + UUID.randomUUID())
                .put("encryptionPrivate", b64(javaRecipient.privateKey()))
                .put("encryptionPublic", b64(javaRecipient.publicKey()));

        ArrayNode records = root.putArray("records");
        List<byte[]> plaintexts = List.of(
                "{\"kind\":\"blood-pressure\",\"systolic\":128,\"diastolic\":82,\"note\":\"朝 起床後\"}".getBytes(StandardCharsets.UTF_8),
                new byte[0],
                pdfLike());
        List<String> categories = List.of("blood-pressure", "note", "attachment");
        for (int i = 0; i < plaintexts.size(); i++) {
            records.add(record(signing, encryption, owner, categories.get(i), plaintexts.get(i)));
        }

        ArrayNode grants = root.putArray("grants");
        grants.add(grant(signing, owner, List.of(), List.of("glucose", "blood-pressure"), Instant.parse("2026-11-24T10:00:00Z")));
        grants.add(grant(signing, owner, List.of(Uuids.v7().toString()), List.of(), Instant.parse("2026-11-24T10:00:00.120Z")));

        UUID registrationId = Uuids.v7();
        byte[] challenge = new byte[32];
        RANDOM.nextBytes(challenge);
        RegistrationObject registration = new RegistrationObject(registrationId, owner, KeyIds.of(signing.publicKey()),
                KeyIds.of(encryption.publicKey()), challenge);
        root.putObject("registration")
                .put("registrationId", registrationId.toString())
                .put("accountId", owner)
                .put("signingKeyId", KeyIds.of(signing.publicKey()))
                .put("encryptionKeyId", KeyIds.of(encryption.publicKey()))
                .put("challenge", b64(challenge))
                .put("canonical", new String(registration.canonicalBytes(), StandardCharsets.UTF_8))
                .put("signature", b64(Ed25519.sign(signing.privateKey(), registration.canonicalBytes())));

        ArrayNode jcs = root.putArray("jcs");
        for (String input : JcsCases.INPUTS) {
            jcs.addObject().put("input", input).put("canonical", new String(Jcs.canonicalize(input), StandardCharsets.UTF_8));
        }

        root.set("anchored", AnchoredVector.write(signing, encryption, owner));
        Interop.write(Interop.JAVA_VECTORS, root);
        assertThat(Interop.JAVA_VECTORS).exists();
        assertThat(Interop.read(Interop.JAVA_VECTORS).path("records")).hasSize(3);
    }

    private static ObjectNode record(Ed25519KeyPair signing, X25519KeyPair encryption, String owner, String category, byte[] plaintext) {
        UUID recordId = Uuids.v7();
        RecordAad aad = new RecordAad(recordId, 1, owner, category);
        byte[] dataKey = PayloadCipher.newDataKey();
        byte[] ciphertext = PayloadCipher.encrypt(dataKey, aad, plaintext);
        KeyEnvelope envelope = KeyEnvelopes.wrap(dataKey, owner, encryption.publicKey(), aad);
        String sha = Digests.sha256Hex(ciphertext);
        RecordHeader header = new RecordHeader(recordId, 1, owner, category, sha, KeyIds.of(signing.publicKey()));
        ObjectNode node = Interop.JSON.createObjectNode()
                .put("recordId", recordId.toString())
                .put("version", 1)
                .put("ownerId", owner)
                .put("category", category)
                .put("plaintext", b64(plaintext))
                .put("ciphertext", b64(ciphertext))
                .put("ciphertextSha256", sha)
                .put("signerKeyId", header.signerKeyId())
                .put("signature", b64(Ed25519.sign(signing.privateKey(), header.canonicalBytes())))
                .put("header", new String(header.canonicalBytes(), StandardCharsets.UTF_8))
                .put("createdAt", "2026-11-24T10:00:00Z");
        node.putArray("envelopes").addObject()
                .put("suite", envelope.suite())
                .put("recipientId", envelope.recipientId())
                .put("recipientKeyId", envelope.recipientKeyId())
                .put("enc", b64(envelope.enc()))
                .put("wrappedKey", b64(envelope.wrappedKey()));
        return node;
    }

    private static ObjectNode grant(Ed25519KeyPair signing, String owner, List<String> recordIds, List<String> categories, Instant notBefore) {
        UUID grantId = Uuids.v7();
        GrantObject grant = new GrantObject(grantId, owner, "cli-0001", recordIds, categories, "TREAT", notBefore,
                notBefore.plusSeconds(86_400 * 30), KeyIds.of(signing.publicKey()));
        ObjectNode node = Interop.JSON.createObjectNode()
                .put("grantId", grantId.toString())
                .put("patientId", owner)
                .put("granteeId", "cli-0001")
                .put("purpose", "TREAT")
                .put("notBefore", grant.notBefore().toString())
                .put("notAfter", grant.notAfter().toString())
                .put("signerKeyId", grant.signerKeyId())
                .put("canonical", new String(grant.canonicalBytes(), StandardCharsets.UTF_8))
                .put("signature", b64(Ed25519.sign(signing.privateKey(), grant.canonicalBytes())));
        recordIds.forEach(node.putArray("recordIds")::add);
        categories.forEach(node.putArray("categories")::add);
        return node;
    }

    /** Bytes shaped like a small PDF, with every byte value, as an attachment would be. */
    private static byte[] pdfLike() {
        byte[] head = "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII);
        byte[] bytes = new byte[head.length + 2048];
        System.arraycopy(head, 0, bytes, 0, head.length);
        for (int i = head.length; i < bytes.length; i++) {
            bytes[i] = (byte) i;
        }
        return bytes;
    }

    /** An anchored record: the log proof, signed checkpoint and chain data a verifier gets for it. */
    static final class AnchoredVector {

        private AnchoredVector() {
        }

        static ObjectNode write(Ed25519KeyPair signing, X25519KeyPair encryption, String owner) {
            ObjectNode record = record(signing, encryption, owner, "glucose", "5.4 mmol/L".getBytes(StandardCharsets.UTF_8));
            byte[] header = record.path("header").asText().getBytes(StandardCharsets.UTF_8);
            String eventId = Uuids.v7().toString();
            LeafData leaf = LeafData.create(eventId, "techo.record.stored", record.path("recordId").asText(),
                    Digests.sha256Hex(header), Instant.parse("2026-11-24T10:00:01.5Z"), RANDOM);
            MerkleLog log = new MerkleLog();
            List<byte[]> others = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                others.add(("other event " + i).getBytes(StandardCharsets.UTF_8));
                log.append(io.techo.common.log.MerkleHashes.leafHash(others.get(i)));
            }
            long index = log.append(leaf.leafHash());
            log.append(io.techo.common.log.MerkleHashes.leafHash("later".getBytes(StandardCharsets.UTF_8)));
            long size = log.size();
            NoteSigner signer = NoteSigner.generate("techo.test/log");
            Checkpoint checkpoint = new Checkpoint("techo.test/log", size, log.root(size));
            String rootHex = Hex.encode(checkpoint.root());
            String txHash = "9Bc9L8faTechoInteropTx" + size;
            ObjectNode confirmation = Interop.JSON.createObjectNode()
                    .put("logEventId", eventId)
                    .put("logEventType", "techo.record.stored")
                    .put("subject", record.path("recordId").asText())
                    .put("ownerId", owner)
                    .put("leafIndex", index)
                    .put("leafData", b64(leaf.bytes()))
                    .put("object", b64(header))
                    .put("checkpoint", signer.sign(checkpoint));
            ArrayNode path = confirmation.putArray("auditPath");
            log.inclusionProof(index, size).forEach(hash -> path.add(b64(hash)));
            confirmation.putObject("anchor")
                    .put("chainId", 1020).put("contract", "ContractTechoAnchor").put("txHash", txHash)
                    .put("blockNumber", 4242).put("status", "IRREVERSIBLE").put("origin", "techo.test/log")
                    .put("size", size).put("rootHex", rootHex).put("prevSize", 3);
            ObjectNode chain = Interop.JSON.createObjectNode();
            ObjectNode tx = chain.putObject("tx").put("status", "IRREVERSIBLE").put("block_number", "4242");
            ObjectNode info = tx.putObject("transaction").put("hash", txHash).put("chain_id", 1020);
            info.putArray("actions").addObject().put("contract", "ContractTechoAnchor").put("action_name", "anchor")
                    .put("data", "[\"techo.test/log\"," + size + ",\"" + rootHex + "\",3]");
            ObjectNode receipt = chain.putObject("receipt").put("tx_hash", txHash).put("status_code", "SUCCESS");
            receipt.putArray("receipts").addObject().put("func_name", "ContractTechoAnchor/anchor")
                    .put("content", "{\"origin\":\"techo.test/log\",\"size\":" + size + ",\"root\":\"" + rootHex + "\",\"prev_size\":3}");
            ObjectNode anchored = Interop.JSON.createObjectNode().put("verifierKey", signer.verifierKey());
            anchored.set("record", record);
            anchored.set("confirmation", confirmation);
            anchored.set("chain", chain);
            return anchored;
        }
    }
}
