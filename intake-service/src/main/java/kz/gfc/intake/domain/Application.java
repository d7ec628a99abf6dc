package kz.gfc.intake.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** An application accepted at a window; intake itself arrives with its own issue. */
@Entity
@Table(name = "application")
public class Application extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "service_code", nullable = false)
    public String serviceCode;
    @Column(name = "branch_code", nullable = false)
    public String branchCode;
    @Column(nullable = false)
    public String status;
    @Column(name = "accepted_at", nullable = false)
    public Instant acceptedAt;
    @Column(name = "ready_on")
    public LocalDate readyOn;
}
