package io.techo.common.problem;

/** Thrown by service code to answer with a specific problem; the REST layer renders it as problem+json. */
public class ProblemException extends RuntimeException {

    private final ProblemKind kind;
    private final String reason;

    public ProblemException(ProblemKind kind, String detail) {
        this(kind, detail, null);
    }

    /** A problem with a machine-readable reason kind, rendered as the {@code reason} member. */
    public ProblemException(ProblemKind kind, String detail, String reason) {
        super(detail, null, false, false);
        this.kind = kind;
        this.reason = reason;
    }

    public ProblemKind kind() {
        return kind;
    }

    public Problem toProblem(String instance) {
        return new Problem(kind.type(), kind.title(), kind.status(), getMessage(), instance, reason);
    }
}
