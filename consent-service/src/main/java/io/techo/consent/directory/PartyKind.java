package io.techo.consent.directory;

/** The kinds of party in the directory. Operators are not parties: they are configured at deployment. */
public enum PartyKind {
    PATIENT,
    CLINICIAN,
    FACILITY
}
