package kz.gfc.kit.problem;

import java.util.List;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ValidationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.ext.web.RoutingContext;
import kz.gfc.kit.db.Causes;
import kz.gfc.kit.iin.InvalidIinException;
import kz.gfc.kit.web.CorrelationIds;

/**
 * Every error a resource can end in becomes RFC 9457 problem+json here, including the
 * framework's own (404, 405, 415, malformed JSON, validation, 401, 403), a write conflict
 * (409) and a deliberate 503. No stack trace, SQL or class name reaches a client; a 500 is
 * logged with its correlation id instead.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e, HttpHeaders headers, UriInfo uri, RoutingContext ctx) {
        Response r = Problems.response(Problems.of(e.status(), e.code(), e.title(), e.getMessage(), e.errors(),
                e.userMessage(), lang(headers), path(uri), CorrelationIds.of(ctx), e.extensions()));
        if (e.headers().isEmpty()) {
            return r;
        }
        Response.ResponseBuilder b = Response.fromResponse(r);
        e.headers().forEach(b::header);
        return b.build();
    }

    @ServerExceptionMapper
    public Response invalidIin(InvalidIinException e, HttpHeaders headers, UriInfo uri, RoutingContext ctx) {
        return Problems.response(Problems.of(422, "invalid-iin", null, e.getMessage(),
                List.of(new Problem.FieldError("iin", e.reason())),
                Text.of("ЖСН дұрыс емес", "ИИН указан неверно"), lang(headers), path(uri), CorrelationIds.of(ctx)));
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, HttpHeaders headers, UriInfo uri, RoutingContext ctx) {
        int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
        if (status == 503) {
            return unavailable(e, headers, uri, ctx);
        }
        if (status >= 500) {
            return internal(e, headers, uri, ctx);
        }
        Throwable cause = e.getCause();
        if (cause instanceof JsonProcessingException json) {
            return json(json, headers, uri, ctx);
        }
        Response r = Problems.response(Problems.generic(status, Messages.titleFor(status), lang(headers), path(uri),
                CorrelationIds.of(ctx)));
        if (status == 405 && e.getResponse().getHeaderString("Allow") != null) {
            return Response.fromResponse(r).header("Allow", e.getResponse().getHeaderString("Allow")).build();
        }
        return r;
    }

    @ServerExceptionMapper
    public Response mismatched(MismatchedInputException e, HttpHeaders headers, UriInfo uri, RoutingContext ctx) {
        return json(e, headers, uri, ctx);
    }

    @ServerExceptionMapper
    public Response invalidFormat(InvalidFormatException e, HttpHeaders headers, UriInfo uri, RoutingContext ctx) {
        return json(e, headers, uri, ctx);
    }

    @ServerExceptionMapper
    public Response parse(JsonParseException e, HttpHeaders headers, UriInfo uri, RoutingContext ctx) {
        return json(e, headers, uri, ctx);
    }

    @ServerExceptionMapper
    public Response jsonMapping(JsonMappingException e, HttpHeaders headers, UriInfo uri, RoutingContext ctx) {
        return json(e, headers, uri, ctx);
    }

    @ServerExceptionMapper
    public Response json(JsonProcessingException e, HttpHeaders headers, UriInfo uri, RoutingContext ctx) {
        // An IIN that fails validation while a DTO is read is the client's mistake, not a JSON one.
        if (e.getCause() instanceof InvalidIinException iin) {
            return invalidIin(iin, headers, uri, ctx);
        }
        if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
            // Well-formed JSON, but a known field holds a value of the wrong type or format
            // ("score": "five", an unknown enum constant, a malformed date): the request is
            // understood and refused, like any other invalid field value.
            String field = m.getPath().stream()
                    .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining("."));
            return Problems.response(Problems.of(422, "validation", null,
                    "Field '" + field + "' has a value of the wrong type or format",
                    List.of(new Problem.FieldError(field, "has a value of the wrong type or format")),
                    Messages.VALIDATION, lang(headers), path(uri), CorrelationIds.of(ctx)));
        }
        return Problems.response(Problems.of(400, "malformed-json", null, "The request body is not valid JSON", null,
                Messages.MALFORMED_JSON, lang(headers), path(uri), CorrelationIds.of(ctx)));
    }

    @ServerExceptionMapper
    public Response violations(ConstraintViolationException e, HttpHeaders headers, UriInfo uri, RoutingContext ctx) {
        List<Problem.FieldError> fields = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(field(v), v.getMessage()))
                .sorted((a, b) -> a.field().compareTo(b.field()))
                .toList();
        return Problems.response(Problems.of(422, "validation", null, "Some fields are invalid", fields,
                Messages.VALIDATION, lang(headers), path(uri), CorrelationIds.of(ctx)));
    }

    @ServerExceptionMapper
    public Response validation(ValidationException e, HttpHeaders headers, UriInfo uri, RoutingContext ctx) {
        return Problems.response(Problems.of(422, "validation", null, "The request is invalid", null,
                Messages.VALIDATION, lang(headers), path(uri), CorrelationIds.of(ctx)));
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e, HttpHeaders headers, UriInfo uri, RoutingContext ctx) {
        return Problems.response(Problems.generic(401, "A valid bearer token is required", lang(headers), path(uri),
                CorrelationIds.of(ctx)));
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e, HttpHeaders headers, UriInfo uri,
            RoutingContext ctx) {
        return unauthorized(null, headers, uri, ctx);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, HttpHeaders headers, UriInfo uri, RoutingContext ctx) {
        return Problems.response(Problems.generic(403, "The token's roles do not allow this action", lang(headers),
                path(uri), CorrelationIds.of(ctx)));
    }

    /**
     * A deliberate 503 (a dependency is down, the service is shedding load) is not an internal
     * error: the client should come back, when {@code Retry-After} says if the thrower knew.
     */
    private Response unavailable(WebApplicationException e, HttpHeaders headers, UriInfo uri, RoutingContext ctx) {
        String correlationId = CorrelationIds.of(ctx);
        LOG.warnf("503 on %s (correlation id %s): %s", path(uri), correlationId, e.getMessage());
        Response r = Problems.response(Problems.generic(503, "The service is temporarily unavailable; retry later",
                lang(headers), path(uri), correlationId));
        String retryAfter = e.getResponse().getHeaderString(HttpHeaders.RETRY_AFTER);
        return retryAfter == null ? r : Response.fromResponse(r).header(HttpHeaders.RETRY_AFTER, retryAfter).build();
    }

    /**
     * Everything no other mapper took. A write that lost to a concurrent one (a unique key
     * taken in between, an entity changed since it was read) is a 409 whatever wraps it (the
     * commit's RollbackException, Hibernate's or JPA's exceptions): the client may reload and
     * retry, and nothing is broken. Anything else is a 500, logged with its correlation id.
     */
    @ServerExceptionMapper
    public Response internal(Throwable e, HttpHeaders headers, UriInfo uri, RoutingContext ctx) {
        // a refusal raised while a transaction committed arrives wrapped (RollbackException, and the
        // interceptor's undeclared-throwable wrapper): it is still that refusal, not an internal error
        var refusal = Causes.of(e).stream().filter(ProblemException.class::isInstance).findFirst();
        if (refusal.isPresent()) {
            return problem((ProblemException) refusal.get(), headers, uri, ctx);
        }
        String correlationId = CorrelationIds.of(ctx);
        var conflict = DataConflicts.of(e);
        if (conflict.isPresent()) {
            LOG.infof("409 on %s (correlation id %s): %s", path(uri), correlationId, conflict.get());
            return Problems.response(Problems.of(409, "conflict", null,
                    "The request conflicts with a record that exists or changed meanwhile", null,
                    Messages.DATA_CONFLICT, lang(headers), path(uri), correlationId));
        }
        LOG.errorf(e, "unhandled error on %s (correlation id %s)", path(uri), correlationId);
        return Problems.response(Problems.generic(500, "Internal error; quote the correlation id to support",
                lang(headers), path(uri), correlationId));
    }

    private static String field(ConstraintViolation<?> v) {
        String p = v.getPropertyPath().toString();
        // "create.arg0.name" / "create.request.name" -> "name": clients know their fields, not our methods
        String[] parts = p.split("\\.");
        return parts.length > 2 ? String.join(".", java.util.Arrays.copyOfRange(parts, 2, parts.length))
                : parts[parts.length - 1];
    }

    static Language lang(HttpHeaders headers) {
        return Language.fromAcceptLanguage(headers == null ? null : headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE));
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : uri.getPath();
    }
}
