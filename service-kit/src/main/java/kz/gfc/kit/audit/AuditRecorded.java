package kz.gfc.kit.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

import kz.gfc.kit.events.DomainEvent;
import kz.gfc.kit.web.CorrelationIds;

/**
 * R21: one state-changing action by a person, as every service reports it to audit-service
 * on {@code gfc.audit.v1}. The path is masked (no IIN in clear, R23).
 *
 * <p>Every field is bounded here, to the column audit-service keeps it in: much of a line
 * comes from the request (path, headers, token), and a line the audit log cannot store would
 * be dead-lettered, so a caller could erase their own action from the log with a long enough
 * header. A longer value is cut and marked with a digest of the whole ({@link #bounded}); the
 * client address is an IP literal or nothing.
 */
public record AuditRecorded(
        String auditId,
        String service,
        String actorId,
        List<String> actorRoles,
        String action,
        String httpMethod,
        String path,
        String resourceType,
        String resourceId,
        String outcome,
        int status,
        Instant occurredAt,
        String correlationId,
        String clientAddress) implements DomainEvent {

    public static final String TYPE = "kz.gfc.audit.recorded.v1";
    public static final String TOPIC = "gfc.audit.v1";

    // audit-service's audit_record columns (V1__audit_log.sql)
    public static final int MAX_AUDIT_ID = 100;
    public static final int MAX_SERVICE = 100;
    public static final int MAX_ACTOR_ID = 200;
    /** All roles joined with commas (audit_record.actor_roles). */
    public static final int MAX_ROLES = 500;
    public static final int MAX_ROLE = 100;
    public static final int MAX_ACTION = 300;
    public static final int MAX_HTTP_METHOD = 10;
    public static final int MAX_PATH = 1000;
    public static final int MAX_RESOURCE_TYPE = 100;
    public static final int MAX_RESOURCE_ID = 200;
    public static final int MAX_OUTCOME = 20;
    public static final int MAX_CORRELATION_ID = 64;
    /** The Kafka key and the outbox's msg_key column. */
    public static final int MAX_KEY = 200;

    /** Separates the kept start of a cut value from the digest of the whole. */
    public static final char CUT = '~';

    public AuditRecorded {
        auditId = bounded(auditId, MAX_AUDIT_ID);
        service = bounded(service, MAX_SERVICE);
        actorId = bounded(actorId, MAX_ACTOR_ID);
        actorRoles = roles(actorRoles);
        action = bounded(action, MAX_ACTION);
        httpMethod = bounded(httpMethod, MAX_HTTP_METHOD);
        path = bounded(path, MAX_PATH);
        resourceType = bounded(resourceType, MAX_RESOURCE_TYPE);
        resourceId = bounded(resourceId, MAX_RESOURCE_ID);
        outcome = bounded(outcome, MAX_OUTCOME);
        correlationId = bounded(correlationId, MAX_CORRELATION_ID);
        clientAddress = CorrelationIds.ipLiteral(clientAddress);
    }

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public String aggregateId() {
        return bounded(resourceType + ":" + (resourceId == null ? "-" : resourceId), MAX_KEY);
    }

    /**
     * {@code value} as it can be stored in {@code max} characters: unchanged when it fits, else
     * its start, {@link #CUT} and the start of the SHA-256 of the whole value (so two long values
     * stay apart and the original can be recognised). NUL and unpaired surrogates, which
     * PostgreSQL cannot store as they are, become U+FFFD. The same value always gives the same
     * result. Mask before bounding: the digest is of what it is given.
     */
    public static String bounded(String value, int max) {
        if (value == null) {
            return null;
        }
        String clean = storable(value);
        if (clean.length() <= max) {
            return clean;
        }
        int digits = Math.max(1, Math.min(16, max / 2));
        int keep = Math.max(0, max - 1 - digits);
        if (keep > 0 && Character.isHighSurrogate(clean.charAt(keep - 1))) {
            keep--;
        }
        return clean.substring(0, keep) + CUT + sha256(clean).substring(0, max - keep - 1);
    }

    private static String storable(String value) {
        StringBuilder out = null;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean paired = Character.isHighSurrogate(c) ? i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))
                    : !Character.isLowSurrogate(c) || i > 0 && Character.isHighSurrogate(value.charAt(i - 1));
            if (c == '\0' || !paired) {
                if (out == null) {
                    out = new StringBuilder(value);
                }
                out.setCharAt(i, '\uFFFD');
            }
        }
        return out == null ? value : out.toString();
    }

    /** Sorted, each bounded, and as many as fit {@link #MAX_ROLES} joined; a last entry says how many more there were. */
    private static List<String> roles(List<String> roles) {
        if (roles == null) {
            return null;
        }
        List<String> sorted = roles.stream().filter(Objects::nonNull).map(r -> bounded(r, MAX_ROLE)).sorted().toList();
        List<String> kept = new ArrayList<>();
        int length = 0;
        for (String role : sorted) {
            // leave room for the "~N more" entry
            if (length + role.length() + 1 > MAX_ROLES - 12) {
                kept.add(CUT + Integer.toString(sorted.size() - kept.size()) + " more");
                break;
            }
            kept.add(role);
            length += role.length() + 1;
        }
        return List.copyOf(kept);
    }

    private static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
