package kz.gfc.kit.audit;

import java.lang.reflect.Method;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.ResourceInfo;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import io.quarkus.arc.Arc;
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
import kz.gfc.kit.web.RequestCommits;

/**
 * R21 without any resource writing it by hand: every POST/PUT/PATCH/DELETE under
 * {@code /api/} by an authenticated caller produces one {@link AuditRecorded} through the
 * outbox — refusals (4xx) too, since a denied attempt is what an auditor looks for first.
 *
 * <p>No crash may leave a committed change without its audit line. So when the action's
 * own transaction is about to commit, a draft of the line (outcome {@code COMMITTED}) is
 * written in it, held back from the relay; once the response is known, the draft is
 * completed (status, created resource id, outcome) and released. If the instance dies in
 * between, the draft goes out as it is when its hold ends ({@code gfc.audit.draft-hold}).
 * An action that committed nothing (a refusal) gets its line in a transaction of its own.
 */
@ApplicationScoped
public class AuditTrail {

    private static final Logger LOG = Logger.getLogger(AuditTrail.class);
    private static final Pattern TWELVE_DIGITS = Pattern.compile("(?<!\\d)\\d{12}(?!\\d)");
    private static final Pattern UUID_ENDING =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-\\d{12}");
    /** {@code {id}} or {@code {id: [0-9]+}}: the regex may hold one level of braces ({@code \d{12}}). */
    private static final Pattern PARAMETER = Pattern.compile("\\{\\s*([^{}:\\s]+)\\s*(?::(?:[^{}]|\\{[^{}]*\\})*)?\\}");
    private static final Pattern SLASHES = Pattern.compile("/{2,}");
    /** How much of a path no route matched is kept: enough to see what was tried. */
    static final int UNMATCHED_PATH = 200;

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

    /** How long a draft waits for its response before it is published as it is. */
    @ConfigProperty(name = "gfc.audit.draft-hold", defaultValue = "PT2M")
    Duration draftHold;

    @Inject
    AuditScope scope;

    @Inject
    RequestCommits commits;

    /** The request's matched resource method; also reachable where no filter parameter is (a draft). */
    @Inject
    ResourceInfo matched;

    /** Notes what the request is, for a draft written by a transaction that commits during it. */
    @ServerRequestFilter
    public void begin(ContainerRequestContext request, ResourceInfo resource, RoutingContext ctx) {
        if (!auditable(request) || recordedElsewhere(resource)) {
            return;
        }
        String path = request.getUriInfo().getPath();
        scope.begin(request.getMethod(), path, action(request.getMethod(), path, resource), CorrelationIds.of(ctx),
                CorrelationIds.clientAddress(ctx));
        commits.register(this::beforeCommit);
    }

    /**
     * Right before a transaction of the request commits, inside it: writes the draft, unless an
     * earlier transaction of the request already did. Should that transaction roll back after
     * all (a later step of its commit failing), the draft goes with it and the next
     * transaction of the request that commits writes one.
     */
    private RequestCommits.AfterCompletion beforeCommit() {
        if (!scope.wantsDraft()) {
            return null;
        }
        String[] segments = scope.path().split("/");
        AuditRecorded draft = event(scope.auditId(), scope.method(), scope.path(), scope.action(),
                segments.length > 4 ? segments[4] : null, "COMMITTED", 0, scope.correlationId(), scope.clientAddress());
        UUID id;
        try {
            id = outbox.publishHeld(auditTopic, draft, draftHold);
        } catch (RuntimeException e) {
            // thrown out of the commit, this rolls the action back: a change whose audit line cannot be written does not happen
            LOG.errorf(e, "audit draft not written for %s %s", scope.method(), scope.path());
            throw e;
        }
        scope.drafted(id);
        return committed -> {
            if (!committed) {
                scope.undrafted(id);
            }
        };
    }

    private boolean auditable(ContainerRequestContext request) {
        String method = request.getMethod();
        return !("GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method))
                && request.getUriInfo().getPath().startsWith("/api/") && identity != null && !identity.isAnonymous();
    }

    private static boolean recordedElsewhere(ResourceInfo resource) {
        try {
            return resource != null && resource.getResourceMethod() != null
                    && resource.getResourceMethod().isAnnotationPresent(RecordedBy.class);
        } catch (RuntimeException e) {
            return false; // no resource matched
        }
    }

    private static String action(String method, String path, ResourceInfo resource) {
        if (resource != null && resource.getResourceMethod() != null) {
            return resource.getResourceClass().getSimpleName() + "." + resource.getResourceMethod().getName();
        }
        String[] segments = path.split("/");
        return method + " " + (segments.length > 3 ? mask(segments[3]) : "unknown");
    }

    /** {@code path} is the request's own; the line records its route (see {@link #route}). */
    private AuditRecorded event(String auditId, String method, String path, String action, String resourceId,
            String outcome, int status, String correlationId, String clientAddress) {
        String route = route(path);
        String[] segments = route.split("/");
        return new AuditRecorded(auditId, service, actor(identity.getPrincipal().getName()),
                List.copyOf(identity.getRoles()), action, method, route, segments.length > 3 ? segments[3] : "unknown",
                resourceId == null ? null : mask(resourceId), outcome, status, Instant.now(), correlationId, clientAddress);
    }

    /**
     * The path a line records: the matched route's template ({@code /api/v1/windows/{id}/session}),
     * the id itself being the line's resourceId. A request no resource method matched (a 404 or
     * 405) keeps the start of its own path, masked. Either way, a long path cannot make the line
     * too long to store.
     */
    private String route(String path) {
        String template = template(matched);
        return template != null ? template : AuditRecorded.bounded(mask(path), UNMATCHED_PATH);
    }

    /** The {@code @Path} of the resource class and method, joined; a parameter's regex is left out. */
    static String template(ResourceInfo resource) {
        Method method;
        Class<?> type;
        try {
            method = resource == null ? null : resource.getResourceMethod();
            type = resource == null ? null : resource.getResourceClass();
        } catch (RuntimeException e) {
            return null; // no REST request in progress
        }
        if (method == null || type == null) {
            return null;
        }
        Path onType = type.getAnnotation(Path.class);
        Path onMethod = method.getAnnotation(Path.class);
        if (onType == null && onMethod == null) {
            return null;
        }
        String joined = "/" + (onType == null ? "" : onType.value()) + "/" + (onMethod == null ? "" : onMethod.value());
        String template = SLASHES.matcher(PARAMETER.matcher(joined).replaceAll("{$1}")).replaceAll("/");
        return mask(template.length() > 1 && template.endsWith("/") ? template.substring(0, template.length() - 1) : template);
    }

    @ServerResponseFilter
    public void record(ContainerRequestContext request, ContainerResponseContext response, ResourceInfo resource,
            RoutingContext ctx) {
        if (!auditable(request)) {
            return;
        }
        String path = request.getUriInfo().getPath();
        int status = response.getStatus();
        boolean scoped = Arc.container().requestContext().isActive();
        if (status < 400 && recordedElsewhere(resource) && (!scoped || scope.recordedHere())) {
            return;
        }
        UUID draft = scoped ? scope.settle() : null;
        String auditId = scoped && scope.auditId() != null ? scope.auditId() : UUID.randomUUID().toString();
        AuditRecorded event = event(auditId, request.getMethod(), path, action(request.getMethod(), path, resource),
                resourceId(response, path.split("/")),
                // a retry answered from the Idempotency-Key store changed nothing, and says so
                response.getHeaders().containsKey(IdempotencyKeys.REPLAYED) ? "REPLAYED" : outcome(status), status,
                CorrelationIds.of(ctx), CorrelationIds.clientAddress(ctx));
        write(event, draft);
    }

    /**
     * Completes the draft the action's transaction wrote, or writes the line afresh. A draft is
     * normally completed in memory: the relay sends the finished line in its place, so an
     * audited action costs no second transaction. Only a line without a draft (a refusal that
     * committed nothing) or a relay that cannot take more needs a transaction, off the event loop.
     */
    protected void write(AuditRecorded event, UUID draft) {
        if (draft != null && outbox.completeLater(draft, event)) {
            return;
        }
        if (Context.isOnEventLoopThread()) {
            Infrastructure.getDefaultWorkerPool().execute(() -> writeInTransaction(event, draft));
        } else {
            writeInTransaction(event, draft);
        }
    }

    private void writeInTransaction(AuditRecorded event, UUID draft) {
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                Outbox.Release r = draft == null ? Outbox.Release.MISSING : outbox.release(draft, event);
                if (r == Outbox.Release.MISSING) {
                    outbox.publish(auditTopic, event);
                } else if (r == Outbox.Release.ALREADY_SENT) {
                    LOG.warnf("audit draft %s went out before its response was known (hold %s); its completion follows as a second line",
                            draft, draftHold);
                }
            });
        } catch (RuntimeException e) {
            // The action is done; if it committed, its draft still goes out when the hold ends.
            LOG.errorf(e, "AUDIT LINE NOT COMPLETED%s: %s %s by %s -> %d", draft == null ? " (no draft)" : " (draft kept)",
                    event.httpMethod(), event.path(), event.actorId(), event.status());
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
        // The last group of a UUID may be twelve digits (about one id in 280): it is not an IIN.
        return TWELVE_DIGITS.matcher(s).replaceAll(m -> insideUuid(s, m.start(), m.end()) ? m.group() : Iin.mask(m.group()));
    }

    private static boolean insideUuid(String s, int start, int end) {
        return start >= 24 && UUID_ENDING.matcher(s.substring(start - 24, end)).matches();
    }
}
