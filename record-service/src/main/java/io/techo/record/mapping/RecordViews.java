package io.techo.record.mapping;

import io.techo.common.crypto.KeyEnvelope;
import io.techo.record.domain.AnchorStatus;
import io.techo.record.domain.HealthRecord;
import io.techo.record.domain.RecordAnchor;
import io.techo.record.rest.AnchorView;
import io.techo.record.rest.EnvelopeBody;
import io.techo.record.rest.RecordView;
import java.util.Base64;
import java.util.List;

/** The one place where stored rows become API views. */
public final class RecordViews {

    private RecordViews() {
    }

    /** Metadata and anchor status only: what listings and create responses show; a null anchor is PENDING. */
    public static RecordView summary(HealthRecord record, RecordAnchor anchor) {
        return view(record, anchor, null, null);
    }

    /** Metadata, anchor status, ciphertext and the envelopes the reader may use; a null anchor is PENDING. */
    public static RecordView withContent(HealthRecord record, RecordAnchor anchor, List<KeyEnvelope> readerEnvelopes) {
        String ciphertext = record.ciphertext == null ? null : Base64.getEncoder().encodeToString(record.ciphertext);
        return view(record, anchor, ciphertext, readerEnvelopes.stream().map(RecordViews::envelope).toList());
    }

    public static EnvelopeBody envelope(KeyEnvelope envelope) {
        Base64.Encoder base64 = Base64.getEncoder();
        return new EnvelopeBody(envelope.suite(), envelope.recipientId(), envelope.recipientKeyId(),
                base64.encodeToString(envelope.enc()), base64.encodeToString(envelope.wrappedKey()));
    }

    private static RecordView view(HealthRecord record, RecordAnchor anchor, String ciphertext, List<EnvelopeBody> envelopes) {
        return new RecordView(record.id, record.version, record.ownerId, record.category, record.status.name(),
                record.ciphertextSha256, record.ciphertextSize, record.signerKeyId,
                Base64.getEncoder().encodeToString(record.signature), record.headerSha256,
                record.createdAt, record.erasedAt, anchor(anchor), ciphertext, envelopes);
    }

    private static AnchorView anchor(RecordAnchor anchor) {
        if (anchor == null) {
            return new AnchorView(AnchorStatus.PENDING.name(), null, null, null, null, null);
        }
        return new AnchorView(anchor.status.name(), anchor.leafIndex, anchor.txHash, anchor.blockNumber, anchor.chainId,
                anchor.contract);
    }
}
