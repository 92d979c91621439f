package io.techo.common.problem;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An RFC 9457 problem detail, serialized as {@code application/problem+json}. {@code reason} is an extension member:
 * the machine-readable reason kind where one kind of problem has several causes (e.g. why consent was denied).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance, String reason) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public static Problem of(ProblemKind kind, String detail, String instance) {
        return new Problem(kind.type(), kind.title(), kind.status(), detail, instance, null);
    }
}
