package io.techo.gateway.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.logging.Log;
import io.techo.common.ids.Uuids;
import io.techo.common.problem.Problem;
import io.techo.common.problem.ProblemException;
import io.techo.common.problem.ProblemKind;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The gateway's own endpoints answer failures as RFC 9457 problem+json like the services do (service-kit's mappers
 * cannot be reused here: service-kit brings the database and Kafka extensions the gateway has no use for).
 */
public class ProblemMappers {

    private static final String RETRY_AFTER_SECONDS = "2";

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        Response.ResponseBuilder response = render(e.toProblem(uri.getPath()));
        if (e instanceof AuthResource.RetryLaterException later) {
            response.header(HttpHeaders.RETRY_AFTER, Long.toString(later.retryAfterSeconds()));
        } else if (e.kind() == ProblemKind.UNAVAILABLE) {
            response.header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
        } else if (e.kind() == ProblemKind.UNAUTHENTICATED) {
            response.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }
        return response.build();
    }

    @ServerExceptionMapper({JsonProcessingException.class, MismatchedInputException.class, InvalidFormatException.class})
    public Response malformedJson(JsonProcessingException e, UriInfo uri) {
        return render(Problem.of(ProblemKind.MALFORMED_REQUEST, "the request body is not valid JSON of the expected shape",
                uri.getPath())).build();
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
        return render(new Problem(kind.type(), kind.title(), status, kind.title(), uri.getPath(), null)).build();
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof ProblemException problem) {
                return problem(problem, uri);
            }
            if (cause instanceof JsonMappingException json) {
                return malformedJson(json, uri);
            }
        }
        String reference = Uuids.v7().toString();
        Log.errorf(e, "unexpected failure, reference %s, path %s", reference, uri.getPath());
        return render(Problem.of(ProblemKind.INTERNAL, "internal error; reference " + reference, uri.getPath())).build();
    }

    private static Response.ResponseBuilder render(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem);
    }
}
