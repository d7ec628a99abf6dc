package kz.gfc.consent.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One use of protected personal data under a consent (R7, R23). */
@Entity
@Table(name = "access_log")
public class AccessLogEntry extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "consent_id", nullable = false)
    public UUID consentId;
    @Column(name = "accessed_by", nullable = false)
    public String accessedBy;
    @Column(nullable = false)
    public String purpose;
    @Column(name = "accessed_at", nullable = false)
    public Instant accessedAt;
}
