package io.techo.common.problem;

/** Thrown by service code to answer with a specific problem; the REST layer renders it as problem+json. */
public class ProblemException extends RuntimeException {

    private final ProblemKind kind;

    public ProblemException(ProblemKind kind, String detail) {
        super(detail, null, false, false);
        this.kind = kind;
    }

    public ProblemKind kind() {
        return kind;
    }

    public Problem toProblem(String instance) {
        return Problem.of(kind, getMessage(), instance);
    }
}
