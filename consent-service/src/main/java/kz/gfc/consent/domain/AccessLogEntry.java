package kz.gfc.consent.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * One access to a subject's protected data, allowed by a consent check (R7, R23): who
 * (organisation, operator), which scope, for which service, when, under which consent.
 * Written only by {@link ConsentCheck}; append-only in the database (a trigger refuses
 * UPDATE, DELETE and TRUNCATE).
 */
@Entity
@Table(name = "access_log")
public class AccessLogEntry extends PanacheEntityBase {

    @Id
    public Long id;
    @Column(name = "consent_id", nullable = false)
    public UUID consentId;
    @Column(name = "subject_pseudonym", nullable = false)
    public String subjectPseudonym;
    @Column(nullable = false)
    public String recipient;
    @Column(nullable = false)
    public String scope;
    @Column(nullable = false)
    public String purpose;
    @Column(nullable = false)
    public String organisation;
    @Column(nullable = false)
    public String accessor;
    @Column(name = "operator_name")
    public String operatorName;
    @Column(name = "accessed_at", nullable = false)
    public Instant accessedAt;
}
