package io.techo.consent.decision;

/**
 * A read to decide, asked by the record-service with the reader's own token (the accessor is the token's subject).
 *
 * @param ownerId the patient who owns the record
 * @param recordId the record
 * @param category the record's category
 * @param purpose the HL7 PurposeOfUse the reader states
 * @param breakGlassReason free text, only for an emergency (purpose ETREAT) read without a grant
 */
public record DecisionRequest(String ownerId, String recordId, String category, String purpose, String breakGlassReason) {
}
