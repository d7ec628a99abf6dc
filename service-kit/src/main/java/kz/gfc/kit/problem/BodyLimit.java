package kz.gfc.kit.problem;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import kz.gfc.kit.web.CorrelationIds;

/**
 * Enforces {@code quarkus.http.limits.max-body-size} before Quarkus does, so that a body over
 * the limit is refused with a 413 problem+json: Quarkus's own check (route order -2, and the
 * blocking input stream for chunked bodies) answers a bare 413 before JAX-RS, so no mapper
 * ever sees it.
 *
 * <p>A declared {@code Content-Length} over the limit is refused at once, without reading the
 * body. A body of unknown length (chunked) is read by Vert.x's {@link BodyHandler} up to the
 * limit; RESTEasy Reactive then takes the body it has read, and one over the limit fails the
 * route with 413, which the failure handler below renders.
 */
@ApplicationScoped
public class BodyLimit {

    /** Before Quarkus's own limit (RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT = -2), after the correlation id. */
    static final int ORDER = -3;
    private static final String REFUSED = BodyLimit.class.getName() + ".refused";

    private final Optional<MemorySize> maxBodySize;

    public BodyLimit(@ConfigProperty(name = "quarkus.http.limits.max-body-size") Optional<MemorySize> maxBodySize) {
        this.maxBodySize = maxBodySize;
    }

    void install(@Observes Router router) {
        if (maxBodySize.isEmpty()) {
            return;
        }
        long limit = maxBodySize.get().asLongValue();
        BodyHandler unknownLength = BodyHandler.create(false).setBodyLimit(limit);
        router.route().order(ORDER).handler(ctx -> {
            String length = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            if (length != null) {
                if (declaredLength(length) > limit) {
                    refuse(ctx, limit);
                } else {
                    ctx.next();
                }
            } else if (!ctx.request().isEnded()) {
                unknownLength.handle(ctx);
            } else {
                ctx.next();
            }
        });
        router.route().order(ORDER).failureHandler(ctx -> {
            if (ctx.get(REFUSED) != null) {
                // the unread rest of the body ends with the connection we closed: expected, not an error
                return;
            }
            if (ctx.failure() == null && ctx.statusCode() == 413 && !ctx.response().headWritten()) {
                refuse(ctx, limit);
            } else {
                ctx.next();
            }
        });
    }

    private static long declaredLength(String header) {
        try {
            return Long.parseLong(header.strip());
        } catch (NumberFormatException e) {
            return -1; // Vert.x refuses a malformed Content-Length itself
        }
    }

    private static void refuse(RoutingContext ctx, long limit) {
        ctx.put(REFUSED, Boolean.TRUE);
        Language lang = Language.fromAcceptLanguage(ctx.request().getHeader(HttpHeaders.ACCEPT_LANGUAGE));
        Problem p = Problems.of(413, null, null, "The request body is larger than " + limit + " bytes", null, null,
                lang, ctx.request().path(), CorrelationIds.of(ctx), null);
        var response = ctx.response().setStatusCode(413).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE);
        if (ctx.request().version() != HttpVersion.HTTP_2) {
            // the rest of the body is never read: the connection cannot carry another request
            response.putHeader(HttpHeaders.CONNECTION, "close");
            response.endHandler(v -> ctx.request().connection().close());
        }
        response.end(Json.encode(p));
    }
}
