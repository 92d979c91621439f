package io.techo.record.consent;

/** What the record-service asks the consent-service about one read (its internal decision API). */
public record DecisionQuery(String ownerId, String recordId, String category, String purpose, String breakGlassReason) {
}
