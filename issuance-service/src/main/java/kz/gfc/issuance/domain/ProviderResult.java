package kz.gfc.issuance.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A result a provider's system sent over the API (R26): what it is, and the file if one came. */
@Entity
@Table(name = "provider_result")
public class ProviderResult extends PanacheEntityBase {

    @Id
    @Column(name = "package_id")
    public UUID packageId;
    @Column(nullable = false)
    public String provider;
    @Column(nullable = false)
    public String title;
    @Column(name = "document_number")
    public String documentNumber;
    @Column(name = "issued_on")
    public LocalDate issuedOn;
    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;
    @Column(name = "received_by", nullable = false)
    public String receivedBy;
    @Column(name = "file_type")
    public String fileType;
    @Column(name = "file_size")
    public Integer fileSize;
    @Column(name = "file_sha256")
    public String fileSha256;
    @Basic(fetch = FetchType.LAZY)
    public byte[] file;
}
