package io.techo.kit.rest;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.logging.Log;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.techo.common.ids.Uuids;
import io.techo.common.problem.Problem;
import io.techo.common.problem.ProblemException;
import io.techo.common.problem.ProblemKind;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.stream.Collectors;
import org.hibernate.exception.ConstraintViolationException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Renders every failure as RFC 9457 {@code application/problem+json}. Nothing internal (stack traces, SQL, class
 * names) reaches the client; unexpected failures are logged with a reference the client can quote.
 */
public class ProblemMappers {

    /** What a client should wait before retrying after a 503. */
    private static final String RETRY_AFTER_SECONDS = "2";

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        Response response = render(e.toProblem(uri.getPath()));
        if (e.kind() == ProblemKind.UNAUTHENTICATED) {
            return Response.fromResponse(response).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
        }
        if (e.kind() == ProblemKind.UNAVAILABLE) {
            return Response.fromResponse(response).header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS).build();
        }
        return response;
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthenticated(RuntimeException e, UriInfo uri) {
        return problem(new ProblemException(ProblemKind.UNAUTHENTICATED, "a valid bearer token is required"), uri);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return render(Problem.of(ProblemKind.FORBIDDEN, "the caller's role may not do this", uri.getPath()));
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonProcessingException e, UriInfo uri) {
        String detail = e instanceof JsonMappingException mapping && !(e instanceof JsonParseException) && !mapping.getPath().isEmpty()
                ? "field '" + mapping.getPath().stream().map(r -> r.getFieldName() == null ? "[" + r.getIndex() + "]" : r.getFieldName())
                        .collect(Collectors.joining(".")) + "' has the wrong type or shape"
                : "the request body is not valid JSON";
        return render(Problem.of(ProblemKind.MALFORMED_REQUEST, detail, uri.getPath()));
    }

    /** Quarkus ships its own mappers for these Jackson types; naming them here keeps the answer problem+json. */
    @ServerExceptionMapper({MismatchedInputException.class, InvalidFormatException.class})
    public Response wrongJsonType(JsonMappingException e, UriInfo uri) {
        return malformedJson(e, uri);
    }

    @ServerExceptionMapper
    public Response conflict(ConstraintViolationException e, UriInfo uri) {
        return render(Problem.of(ProblemKind.CONFLICT, "a concurrent request changed the same resource; retry to see its result", uri.getPath()));
    }

    @ServerExceptionMapper
    public Response framework(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e, uri);
        }
        if (e.getCause() instanceof JsonProcessingException json) {
            return malformedJson(json, uri);
        }
        ProblemKind kind = ProblemKind.forStatus(status);
        return render(new Problem(kind.type(), kind.title(), status, kind.title(), uri.getPath(), null));
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        Throwable cause = e;
        while (cause != null) {
            if (cause instanceof ConstraintViolationException violation) {
                return conflict(violation, uri);
            }
            if (cause instanceof ProblemException problem) {
                return problem(problem, uri);
            }
            cause = cause.getCause();
        }
        String reference = Uuids.v7().toString();
        Log.errorf(e, "unexpected failure, reference %s, path %s", reference, uri.getPath());
        return render(Problem.of(ProblemKind.INTERNAL, "internal error; reference " + reference, uri.getPath()));
    }

    private static Response render(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}
