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

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long seq;
    @Column(name = "event_id", nullable = false, unique = true)
    public String eventId;
    @Column(nullable = false)
    public String service;
    @Column(name = "actor_id", nullable = false)
    public String actorId;
    @Column(name = "actor_roles", nullable = false)
    public String actorRoles;
    @Column(nullable = false)
    public String action;
    @Column(name = "http_method")
    public String httpMethod;
    public String path;
    @Column(name = "resource_type")
    public String resourceType;
    @Column(name = "resource_id")
    public String resourceId;
    @Column(nullable = false)
    public String outcome;
    public Integer status;
    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;
    @Column(name = "correlation_id")
    public String correlationId;
    @Column(name = "client_address")
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
