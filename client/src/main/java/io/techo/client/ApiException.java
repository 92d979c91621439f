package io.techo.client;

import io.techo.common.problem.Problem;

/**
 * The gateway or a service refused the request and said why, as RFC 9457 problem+json. Switch on {@link #type()}
 * (stable, e.g. {@code urn:techo:problem:consent-denied}), never on the title or detail.
 */
public class ApiException extends TechoException {

    private final Problem problem;

    public ApiException(Problem problem) {
        super(describe(problem));
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }

    public String type() {
        return problem.type();
    }

    public int status() {
        return problem.status();
    }

    /** The machine-readable reason kind where one problem type has several causes (e.g. GRANT_REVOKED), or null. */
    public String reason() {
        return problem.reason();
    }

    /** True for the problem type {@code urn:techo:problem:<slug>}. */
    public boolean is(String slug) {
        return ("urn:techo:problem:" + slug).equals(problem.type());
    }

    private static String describe(Problem problem) {
        String what = problem.detail() != null && !problem.detail().isBlank() ? problem.detail() : problem.title();
        return what + " (" + problem.status() + " " + problem.type() + ")";
    }
}
