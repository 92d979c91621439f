package io.techo.common.problem;

/**
 * Every error kind the platform reports, each with its HTTP status and a stable RFC 9457 {@code type} URI.
 * Clients switch on the type, never on the human-readable title or detail.
 */
public enum ProblemKind {
    MALFORMED_REQUEST(400, "malformed-request", "The request body is not valid JSON of the expected shape"),
    INVALID_FIELD(400, "invalid-field", "A field has an invalid value"),
    UNAUTHENTICATED(401, "unauthenticated", "A valid bearer token is required"),
    FORBIDDEN(403, "forbidden", "The caller may not do this"),
    CONSENT_DENIED(403, "consent-denied", "The patient's consent does not cover this read"),
    NOT_FOUND(404, "not-found", "No such resource"),
    PROOF_NOT_FINAL(404, "proof-not-final", "The anchor proof is not final yet; it comes when the anchor is irreversible"),
    METHOD_NOT_ALLOWED(405, "method-not-allowed", "The method is not allowed on this resource"),
    NOT_ACCEPTABLE(406, "not-acceptable", "The requested media type is not available"),
    CONFLICT(409, "conflict", "The request conflicts with the current state"),
    GONE(410, "erased", "The resource was erased"),
    PAYLOAD_TOO_LARGE(413, "payload-too-large", "The payload exceeds the configured limit"),
    TOO_MANY_REQUESTS(429, "too-many-requests", "Too many requests; retry after the time in Retry-After"),
    UNSUPPORTED_MEDIA_TYPE(415, "unsupported-media-type", "The request body must be application/json"),
    INVALID_SIGNATURE(400, "invalid-signature", "The signature does not verify"),
    HASH_MISMATCH(400, "hash-mismatch", "A declared hash does not match the data"),
    IDEMPOTENCY_KEY_REUSED(422, "idempotency-key-reused", "The Idempotency-Key was already used with a different request"),
    UNAVAILABLE(503, "unavailable", "A dependency is unavailable; retry later"),
    INTERNAL(500, "internal", "Internal error");

    private static final String TYPE_PREFIX = "urn:techo:problem:";

    private final int status;
    private final String slug;
    private final String title;

    ProblemKind(int status, String slug, String title) {
        this.status = status;
        this.slug = slug;
        this.title = title;
    }

    public int status() {
        return status;
    }

    public String type() {
        return TYPE_PREFIX + slug;
    }

    public String title() {
        return title;
    }

    /** The kind for a bare HTTP status raised by the framework: the first, most generic, kind declared with it. */
    public static ProblemKind forStatus(int status) {
        for (ProblemKind kind : values()) {
            if (kind.status == status) {
                return kind;
            }
        }
        return status >= 500 ? INTERNAL : MALFORMED_REQUEST;
    }
}
