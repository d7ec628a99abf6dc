package kz.gfc.audit.domain;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One line of the R21 audit log; never updated (the table refuses it). */
@Entity
@Table(name = "audit_record")
public class AuditRecord extends PanacheEntityBase {

    // the columns' sizes (V1__audit_log.sql): AuditRecordedHandler fits every value into them
    public static final int EVENT_ID = 200;
    public static final int SERVICE = 100;
    public static final int ACTOR_ID = 200;
    public static final int ACTOR_ROLES = 500;
    public static final int ACTION = 300;
    public static final int HTTP_METHOD = 10;
    public static final int PATH = 1000;
    public static final int RESOURCE_TYPE = 100;
    public static final int RESOURCE_ID = 200;
    public static final int OUTCOME = 20;
    public static final int CORRELATION_ID = 64;
    public static final int CLIENT_ADDRESS = 100;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long seq;
    @Column(name = "event_id", nullable = false, unique = true, length = EVENT_ID)
    public String eventId;
    @Column(nullable = false, length = SERVICE)
    public String service;
    @Column(name = "actor_id", nullable = false, length = ACTOR_ID)
    public String actorId;
    @Column(name = "actor_roles", nullable = false, length = ACTOR_ROLES)
    public String actorRoles;
    @Column(nullable = false, length = ACTION)
    public String action;
    @Column(name = "http_method", length = HTTP_METHOD)
    public String httpMethod;
    @Column(length = PATH)
    public String path;
    @Column(name = "resource_type", length = RESOURCE_TYPE)
    public String resourceType;
    @Column(name = "resource_id", length = RESOURCE_ID)
    public String resourceId;
    @Column(nullable = false, length = OUTCOME)
    public String outcome;
    public Integer status;
    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;
    @Column(name = "correlation_id", length = CORRELATION_ID)
    public String correlationId;
    @Column(name = "client_address", length = CLIENT_ADDRESS)
    public String clientAddress;
    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;
    @Column(name = "prev_hash", nullable = false, columnDefinition = "bpchar(64)")
    public String prevHash;
    @Column(nullable = false, columnDefinition = "bpchar(64)")
    public String hash;

    /** The content the hash covers, in a fixed order; changing it would break every existing chain. */
    public String canonical() {
        return String.join("\u001f", eventId, service, actorId, actorRoles, action, nz(httpMethod), nz(path),
                nz(resourceType), nz(resourceId), outcome, status == null ? "" : status.toString(),
                occurredAt.toString(), nz(correlationId), nz(clientAddress));
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
