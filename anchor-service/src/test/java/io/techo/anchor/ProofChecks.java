package io.techo.anchor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.techo.common.crypto.Digests;
import io.techo.common.crypto.Hex;
import io.techo.common.events.AnchorConfirmed;
import io.techo.common.log.Checkpoint;
import io.techo.common.log.LeafData;
import io.techo.common.log.MerkleProofs;
import io.techo.common.log.NoteVerifier;
import io.techo.iost.IostClient;
import io.techo.iost.rpc.TxResponse;
import java.util.Base64;
import java.util.List;

/** What an auditor checks, from the confirmation alone plus the ciphertext, the pinned key and the chain. */
final class ProofChecks {

    private ProofChecks() {
    }

    static void verify(AnchorConfirmed c, byte[] ciphertext, String pinnedLogKey, IostClient node) throws Exception {
        Base64.Decoder b64 = Base64.getDecoder();
        byte[] object = b64.decode(c.object());
        JsonNode header = new ObjectMapper().readTree(object);
        assertThat(header.get("ciphertextSha256").asText()).isEqualTo(Digests.sha256Hex(ciphertext));

        byte[] leafData = b64.decode(c.leafData());
        LeafData leaf = LeafData.parse(leafData);
        assertThat(leaf.eventId()).isEqualTo(c.logEventId());
        assertThat(leaf.type()).isEqualTo(c.logEventType());
        assertThat(leaf.subject()).isEqualTo(c.subject());
        assertThat(leaf.objectSha256()).isEqualTo(Digests.sha256Hex(object));

        Checkpoint checkpoint = NoteVerifier.fromVerifierKey(pinnedLogKey).verifyCheckpoint(c.checkpoint());
        List<byte[]> path = c.auditPath().stream().map(b64::decode).toList();
        MerkleProofs.verifyInclusion(c.leafIndex(), checkpoint.size(), leaf.leafHash(), path, checkpoint.root());

        assertThat(c.anchor().origin()).isEqualTo(checkpoint.origin());
        assertThat(c.anchor().size()).isEqualTo(checkpoint.size());
        assertThat(c.anchor().rootHex()).isEqualTo(Hex.encode(checkpoint.root()));
        TxResponse tx = node.getTxByHash(c.anchor().txHash());
        assertThat(tx.status()).isEqualTo(TxResponse.Status.IRREVERSIBLE);
        assertThat(tx.blockNumber()).isEqualTo(c.anchor().blockNumber());
        assertThat(tx.transaction().actions()).singleElement().satisfies(action -> {
            assertThat(action.contract()).isEqualTo(c.anchor().contract());
            assertThat(action.actionName()).isEqualTo("anchor");
            assertThat(action.data()).isEqualTo("[\"" + checkpoint.origin() + "\"," + checkpoint.size() + ",\""
                    + Hex.encode(checkpoint.root()) + "\"," + c.anchor().prevSize() + "]");
        });
        assertThat(node.getTxReceiptByTxHash(c.anchor().txHash()).succeeded()).isTrue();
    }
}
