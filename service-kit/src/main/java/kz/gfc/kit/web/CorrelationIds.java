package kz.gfc.kit.web;

import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.MDC;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Gives every request a correlation id (the caller's {@code X-Correlation-Id} when it is
 * sane, else a new one), echoes it in the response and puts it in the log context, so a
 * problem report, an audit record and a log line can be joined at 3 a.m.
 */
@ApplicationScoped
public class CorrelationIds {

    public static final String HEADER = "X-Correlation-Id";
    static final String KEY = "gfc.correlation-id";
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    void install(@Observes Router router) {
        router.route().order(-10_000).handler(ctx -> {
            String given = ctx.request().getHeader(HEADER);
            String id = given != null && SANE.matcher(given).matches() ? given : UUID.randomUUID().toString();
            ctx.put(KEY, id);
            MDC.put("correlationId", id);
            ctx.response().putHeader(HEADER, id);
            ctx.addEndHandler(v -> MDC.remove("correlationId"));
            ctx.next();
        });
    }

    public static String of(RoutingContext ctx) {
        if (ctx == null) {
            return null;
        }
        Object id = ctx.get(KEY);
        return id == null ? null : id.toString();
    }

    /** The client's address: the first X-Forwarded-For hop set by our gateway, else the socket peer. */
    public static String clientAddress(RoutingContext ctx) {
        if (ctx == null) {
            return null;
        }
        String forwarded = ctx.request().getHeader("X-Forwarded-For");
        if (forwarded != null && !forwarded.isBlank()) {
            return forwarded.split(",")[0].strip();
        }
        return ctx.request().remoteAddress() == null ? null : ctx.request().remoteAddress().hostAddress();
    }
}
