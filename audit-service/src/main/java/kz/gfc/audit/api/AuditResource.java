package kz.gfc.audit.api;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import kz.gfc.audit.domain.AuditLog;
import kz.gfc.audit.domain.AuditRecord;
import kz.gfc.kit.web.Roles;

@Path("/api/v1/audit")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "audit", description = "R21: the tamper-evident log of every state-changing action")
public class AuditResource {

    @Inject
    AuditLog log;

    @GET
    @Path("/records")
    @RolesAllowed({Roles.AUDITOR, Roles.ADMIN})
    @Operation(operationId = "listAuditRecords", summary = "Audit records, newest first, filtered by actor, resource, service, correlation id and period")
    public List<AuditRecordView> records(@QueryParam("actor") String actor,
            @QueryParam("resourceType") String resourceType,
            @QueryParam("resourceId") String resourceId,
            @QueryParam("service") String service,
            @QueryParam("correlationId") String correlationId,
            @QueryParam("from") Instant from,
            @QueryParam("to") Instant to,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        add(where, params, "actorId", actor);
        add(where, params, "resourceType", resourceType);
        add(where, params, "resourceId", resourceId);
        add(where, params, "service", service);
        add(where, params, "correlationId", correlationId);
        if (from != null) {
            where.add("occurredAt >= :from");
            params.put("from", from);
        }
        if (to != null) {
            where.add("occurredAt < :to");
            params.put("to", to);
        }
        String query = (where.isEmpty() ? "" : String.join(" and ", where) + " ") + "order by seq desc";
        return AuditRecord.<AuditRecord>find(query, params).page(page, size).list().stream()
                .map(AuditRecordView::of).toList();
    }

    @GET
    @Path("/verify")
    @RolesAllowed({Roles.AUDITOR, Roles.ADMIN})
    @Operation(operationId = "verifyAuditChain", summary = "Recomputes the hash chain of the whole log")
    public AuditLog.Verification verify() {
        return log.verify();
    }

    private static void add(List<String> where, Map<String, Object> params, String field, String value) {
        if (value != null && !value.isBlank()) {
            where.add(field + " = :" + field);
            params.put(field, value);
        }
    }

    public record AuditRecordView(long seq, String eventId, String service, String actorId, List<String> actorRoles,
            String action, String httpMethod, String path, String resourceType, String resourceId, String outcome,
            Integer status, Instant occurredAt, String correlationId, String clientAddress, String hash) {

        static AuditRecordView of(AuditRecord r) {
            return new AuditRecordView(r.seq, r.eventId, r.service, r.actorId,
                    r.actorRoles.isEmpty() ? List.of() : List.of(r.actorRoles.split(",")), r.action, r.httpMethod,
                    r.path, r.resourceType, r.resourceId, r.outcome, r.status, r.occurredAt, r.correlationId,
                    r.clientAddress, r.hash.trim());
        }
    }
}
