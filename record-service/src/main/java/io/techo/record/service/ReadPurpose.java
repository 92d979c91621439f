package io.techo.record.service;

import java.util.Optional;

/**
 * Why a reader reads: an HL7 PurposeOfUse code, and for an emergency read without a grant (ETREAT) the reason the
 * clinician gives, which the patient will see.
 */
public record ReadPurpose(String code, Optional<String> breakGlassReason) {
}
