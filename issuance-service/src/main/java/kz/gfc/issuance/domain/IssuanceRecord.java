package kz.gfc.issuance.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * Who took a document and on what authority (R19). The person is kept as a pseudonym and the
 * identity document's number masked: the centre must be able to show who took it, not to
 * collect IINs (R23).
 */
@Entity
@Table(name = "issuance_record")
public class IssuanceRecord extends PanacheEntityBase {

    @Id
    @Column(name = "package_id")
    public UUID packageId;
    @Column(nullable = false)
    public String recipient;
    @Column(name = "recipient_pseudonym", nullable = false)
    public String recipientPseudonym;
    @Column(name = "identity_document", nullable = false)
    public String identityDocument;
    @Column(name = "identity_number_masked", nullable = false)
    public String identityNumberMasked;
    @Column(name = "poa_number")
    public String poaNumber;
    @Column(name = "poa_date")
    public LocalDate poaDate;
    @Column(name = "poa_notary")
    public String poaNotary;
    @Column(name = "poa_valid_until")
    public LocalDate poaValidUntil;
    @Column(name = "operator_id", nullable = false)
    public String operatorId;
    @Column(name = "window_no")
    public Integer window;
    @Column(name = "issued_at", nullable = false)
    public Instant issuedAt;
}
