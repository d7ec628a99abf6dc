package kz.gfc.kit.audit;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ResourceInfo;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Context;
import io.vertx.ext.web.RoutingContext;
import kz.gfc.kit.events.Outbox;
import kz.gfc.kit.iin.Iin;
import kz.gfc.kit.iin.Pseudonymizer;
import kz.gfc.kit.web.CorrelationIds;
import kz.gfc.kit.web.IdempotencyKeys;

/**
 * R21 without any resource writing it by hand: after every POST/PUT/PATCH/DELETE under
 * {@code /api/} by an authenticated caller, an {@link AuditRecorded} goes through the
 * outbox — refusals (4xx) too, since a denied attempt is what an auditor looks for first.
 *
 * <p>It is written in its own transaction right after the action's; the window between
 * the two commits (a process crash) is accepted and noted in the issue tracker.
 */
@ApplicationScoped
public class AuditTrail {

    private static final Logger LOG = Logger.getLogger(AuditTrail.class);
    private static final Pattern TWELVE_DIGITS = Pattern.compile("(?<!\\d)\\d{12}(?!\\d)");

    @Inject
    Outbox outbox;

    @Inject
    SecurityIdentity identity;

    @Inject
    Pseudonymizer pseudonyms;

    @ConfigProperty(name = "quarkus.application.name")
    String service;

    /** gfc.audit.v1; a test run writes to a topic of its own (see the kit's config defaults). */
    @ConfigProperty(name = "gfc.audit.topic", defaultValue = AuditRecorded.TOPIC)
    String auditTopic;

    @ServerResponseFilter
    public void record(ContainerRequestContext request, ContainerResponseContext response, ResourceInfo resource,
            RoutingContext ctx) {
        String method = request.getMethod();
        if ("GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method)) {
            return;
        }
        String path = request.getUriInfo().getPath();
        if (!path.startsWith("/api/") || identity == null || identity.isAnonymous()) {
            return;
        }
        int status = response.getStatus();
        String[] segments = path.split("/");
        String resourceType = segments.length > 3 ? segments[3] : "unknown";
        String resourceId = resourceId(response, segments);
        String action = resource != null && resource.getResourceMethod() != null
                ? resource.getResourceClass().getSimpleName() + "." + resource.getResourceMethod().getName()
                : method + " " + resourceType;
        AuditRecorded event = new AuditRecorded(UUID.randomUUID().toString(), service,
                actor(identity.getPrincipal().getName()), List.copyOf(identity.getRoles()), action, method, mask(path),
                resourceType, resourceId == null ? null : mask(resourceId),
                // a retry answered from the Idempotency-Key store changed nothing, and says so
                response.getHeaders().containsKey(IdempotencyKeys.REPLAYED) ? "REPLAYED" : outcome(status), status,
                Instant.now(),
                CorrelationIds.of(ctx), CorrelationIds.clientAddress(ctx));
        if (Context.isOnEventLoopThread()) {
            Infrastructure.getDefaultWorkerPool().execute(() -> write(event));
        } else {
            write(event);
        }
    }

    private void write(AuditRecorded event) {
        try {
            QuarkusTransaction.requiringNew().run(() -> outbox.publish(auditTopic, event));
        } catch (RuntimeException e) {
            // The action is done; losing its audit line must be loud, not silent.
            LOG.errorf(e, "AUDIT NOT RECORDED: %s %s by %s -> %d", event.httpMethod(), event.path(), event.actorId(),
                    event.status());
        }
    }

    private static String resourceId(ContainerResponseContext response, String[] segments) {
        Object location = response.getHeaders().getFirst("Location");
        if (location != null) {
            String l = location.toString();
            return l.substring(l.lastIndexOf('/') + 1);
        }
        return segments.length > 4 ? segments[4] : null;
    }

    /** A citizen's login may be their IIN: the audit log keeps them findable by pseudonym, never in clear (R23). */
    String actor(String name) {
        return Iin.isValid(name) ? pseudonyms.pseudonym(Iin.of(name)) : mask(name);
    }

    static String outcome(int status) {
        if (status < 400) {
            return "SUCCEEDED";
        }
        if (status == 401 || status == 403) {
            return "DENIED";
        }
        return status < 500 ? "REJECTED" : "FAILED";
    }

    static String mask(String s) {
        return TWELVE_DIGITS.matcher(s).replaceAll(m -> Iin.mask(m.group()));
    }
}
