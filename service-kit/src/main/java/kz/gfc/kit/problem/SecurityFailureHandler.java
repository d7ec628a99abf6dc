package kz.gfc.kit.problem;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import kz.gfc.kit.web.CorrelationIds;

/**
 * 401 and 403 decided by the HTTP security layer (path policies, bearer token checks)
 * happen before any JAX-RS resource, so the JAX-RS mappers never see them; this failure
 * handler renders them as problem+json too.
 */
@ApplicationScoped
public class SecurityFailureHandler {

    void install(@Observes Router router) {
        router.route().order(-9_000).failureHandler(this::handle);
    }

    void handle(RoutingContext ctx) {
        Throwable f = ctx.failure();
        int status;
        if (f instanceof AuthenticationFailedException || f instanceof UnauthorizedException
                || f instanceof AuthenticationCompletionException) {
            status = 401;
        } else if (f instanceof ForbiddenException) {
            status = 403;
        } else if (f == null && (ctx.statusCode() == 401 || ctx.statusCode() == 403)) {
            status = ctx.statusCode();
        } else {
            ctx.next();
            return;
        }
        if (ctx.response().ended() || ctx.response().headWritten()) {
            return;
        }
        Language lang = Language.fromAcceptLanguage(ctx.request().getHeader("Accept-Language"));
        Problem p = Problems.generic(status,
                status == 401 ? "A valid bearer token is required" : "The token's roles do not allow this action",
                lang, ctx.request().path(), CorrelationIds.of(ctx));
        var response = ctx.response().setStatusCode(status).putHeader("Content-Type", Problem.MEDIA_TYPE);
        if (status == 401) {
            response.putHeader("WWW-Authenticate", "Bearer realm=\"gfc\"");
        }
        response.end(Json.encode(p));
    }
}
