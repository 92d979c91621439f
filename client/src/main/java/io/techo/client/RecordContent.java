package io.techo.client;

/** A downloaded record whose signature and hash were checked and whose payload was decrypted on this device. */
public record RecordContent(RecordSummary summary, byte[] plaintext) {
}
