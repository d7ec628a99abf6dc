package kz.gfc.queue.domain.booking;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** R12: a booked visit (алдын ала жазылу / предварительная запись), turned into a ticket at check-in. */
@Entity
@Table(name = "booking")
public class Booking extends PanacheEntityBase {

    /** CHECKED_IN: came within the check-in window; LATE: came later and got an ordinary ticket. */
    public enum Status { ACTIVE, CHECKED_IN, LATE, CANCELLED, MISSED }

    @Id
    public UUID id;
    @Column(name = "slot_id", nullable = false)
    public Long slotId;
    @Column(name = "branch_code", nullable = false)
    public String branchCode;
    @Column(name = "category_code", nullable = false)
    public String categoryCode;
    @Column(name = "slot_start", nullable = false)
    public Instant slotStart;
    /** The keyed pseudonym of the booker's IIN: queue keeps no IIN (R23). */
    @Column(name = "applicant_pseudonym", nullable = false)
    public String applicantPseudonym;
    @Column(name = "owner_id", nullable = false)
    public String ownerId;
    @Column(nullable = false)
    public String language;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
    @Column(name = "ticket_id")
    public UUID ticketId;
}
