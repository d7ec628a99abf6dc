package kz.gfc.intake.domain.application;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * R17: a certified electronic copy of an original the applicant presented: the scan, its
 * type as its content shows, and its SHA-256, which the application's signed body names.
 */
@Entity
@Table(name = "certified_copy")
public class CertifiedCopy extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "document_code", nullable = false)
    public String documentCode;
    @Column(name = "media_type", nullable = false)
    public String mediaType;
    @Column(name = "size_bytes", nullable = false)
    public int sizeBytes;
    @Column(nullable = false)
    public String sha256;
    @Basic(fetch = FetchType.LAZY)
    @Column(nullable = false)
    public byte[] content;
    @Column(name = "branch_code", nullable = false)
    public String branchCode;
    @Column(name = "uploaded_by", nullable = false)
    public String uploadedBy;
    @Column(name = "uploaded_at", nullable = false)
    public Instant uploadedAt;
    @Column(name = "application_id")
    public UUID applicationId;
}
