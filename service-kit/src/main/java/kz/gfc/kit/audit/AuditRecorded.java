package kz.gfc.kit.audit;

import java.time.Instant;
import java.util.List;

import kz.gfc.kit.events.DomainEvent;

/**
 * R21: one state-changing action by a person, as every service reports it to audit-service
 * on {@code gfc.audit.v1}. The path is masked (no IIN in clear, R23).
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

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public String aggregateId() {
        return resourceType + ":" + (resourceId == null ? "-" : resourceId);
    }
}
