package kz.gfc.issuance.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A result (document) in the centre's custody, tracked by its barcode (R15.9). */
@Entity
@Table(name = "document_package")
public class DocumentPackage extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(nullable = false, unique = true)
    public String barcode;
    @Column(name = "application_id", nullable = false)
    public UUID applicationId;
    @Column(name = "branch_code", nullable = false)
    public String branchCode;
    @Column(name = "result_kind", nullable = false)
    public String resultKind;
    @Column(nullable = false)
    public String status;
    @Column(name = "due_on")
    public LocalDate dueOn;
    @Column(name = "received_at")
    public Instant receivedAt;
    @Column(name = "issued_at")
    public Instant issuedAt;
}
