package kz.gfc.intake.domain.application;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import kz.gfc.intake.events.ApplicationAccepted;
import kz.gfc.intake.events.ApplicationForwarded;
import kz.gfc.intake.events.ApplicationRejected;

/**
 * An application taken at a window, with its outcome (accepted or refused), its way to the
 * provider and back. It owns its status changes; each returns the event to publish, if any.
 * IINs are kept encrypted with their pseudonyms beside them (R23).
 */
@Entity
@Table(name = "application")
public class Application extends PanacheEntityBase {

    public static final String APPLICANT_IIN_PURPOSE = "intake.application.applicant_iin";
    public static final String REPRESENTATIVE_IIN_PURPOSE = "intake.application.representative_iin";

    @Id
    public UUID id;
    @Column(name = "receipt_number", nullable = false)
    public String receiptNumber;
    @Column(name = "catalogue_version", nullable = false)
    public int catalogueVersion;
    @Column(name = "service_code", nullable = false)
    public String serviceCode;
    @Column(name = "service_kind", nullable = false)
    public String serviceKind;
    @Column(nullable = false)
    public String provider;
    @Column(name = "branch_code", nullable = false)
    public String branchCode;
    @Column(name = "ticket_id")
    public String ticketId;
    /** ACCEPTED or REJECTED: the decision at the window, never changed afterwards. */
    @Column(nullable = false)
    public String outcome;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ApplicationStatus status;
    @Column(nullable = false)
    public String language;
    @Column(name = "applicant_iin", nullable = false)
    public String applicantIin;
    @Column(name = "applicant_pseudonym", nullable = false)
    public String applicantPseudonym;
    @Column(name = "applicant_name")
    public String applicantName;
    /** R7: protected data, read from the register only under the applicant's consent. */
    @Column(name = "applicant_address")
    public String applicantAddress;
    @Column(name = "applicant_phone")
    public String applicantPhone;
    @Column(name = "applied_by", nullable = false)
    public String appliedBy;
    @Column(name = "representative_iin")
    public String representativeIin;
    @Column(name = "representative_pseudonym")
    public String representativePseudonym;
    @Column(name = "representative_name")
    public String representativeName;
    @Column(name = "representative_authority")
    public String representativeAuthority;
    @Column(name = "poa_number")
    public String poaNumber;
    @Column(name = "poa_date")
    public LocalDate poaDate;
    @Column(name = "poa_notary")
    public String poaNotary;
    @Column(name = "poa_valid_until")
    public LocalDate poaValidUntil;
    @Column(name = "identity_method", nullable = false)
    public String identityMethod;
    @Column(name = "identity_reference")
    public String identityReference;
    public String addressee;
    @Column(nullable = false)
    public String delivery;
    @Column(name = "result_kind", nullable = false)
    public String resultKind;
    @Column(name = "retention_class", nullable = false)
    public String retentionClass;
    @Column(name = "fee_due", nullable = false)
    public BigDecimal feeDue;
    @Column(name = "paid_amount")
    public BigDecimal paidAmount;
    @Column(name = "payment_reference")
    public String paymentReference;
    @Column(name = "fee_shortfall")
    public BigDecimal feeShortfall;
    /** JSON list of Receipt.DocumentLine. */
    @Column(name = "accepted_documents", nullable = false)
    public String acceptedDocuments;
    @Column(name = "missing_documents", nullable = false)
    public String missingDocuments;
    /** JSON list of Receipt.FieldLine. */
    @Column(name = "missing_fields", nullable = false)
    public String missingFields;
    /** JSON object of the form's fields as entered. */
    @Column(name = "form_fields", nullable = false)
    public String formFields;
    /** R7: JSON object naming, for each datum, the system (or the operator) it came from. */
    @Column(name = "data_sources", nullable = false)
    public String dataSources;
    @Column(nullable = false)
    public String signature;
    @Column(name = "signed_content_sha256", nullable = false)
    public String signedContentSha256;
    @Column(name = "operator_id", nullable = false)
    public String operatorId;
    @Column(name = "operator_name", nullable = false)
    public String operatorName;
    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;
    @Column(name = "ready_date")
    public LocalDate readyDate;
    @Column(name = "consent_id")
    public String consentId;
    @Column(name = "forwarded_at")
    public Instant forwardedAt;
    @Column(name = "acknowledged_at")
    public Instant acknowledgedAt;
    @Column(name = "status_changed_at", nullable = false)
    public Instant statusChangedAt;
    @Version
    public long version;

    public boolean accepted() {
        return "ACCEPTED".equals(outcome);
    }

    /** R15.6: the refusal, recorded with what was missing. */
    public ApplicationRejected reject(Instant at, java.util.List<String> missingDocumentCodes,
            java.util.List<String> missingFieldNames) {
        outcome = "REJECTED";
        moveTo(ApplicationStatus.REJECTED, at);
        readyDate = null;
        return ApplicationRejected.of(this, missingDocumentCodes, missingFieldNames);
    }

    public ApplicationAccepted accept(Instant at) {
        outcome = "ACCEPTED";
        moveTo(ApplicationStatus.AWAITING_CONSENT, at);
        return ApplicationAccepted.of(this);
    }

    /** R8: sent to the provider, under the consent named (null where the service needs none). */
    public ApplicationForwarded forward(String consent, Instant at) {
        require(EnumSet.of(ApplicationStatus.AWAITING_CONSENT));
        consentId = consent;
        forwardedAt = at;
        moveTo(ApplicationStatus.SENT_TO_PROVIDER, at);
        return ApplicationForwarded.of(this);
    }

    /** R26: the provider's system confirms it has taken the application; repeating it changes nothing. */
    public boolean acknowledge(Instant at) {
        if (status == ApplicationStatus.ACKNOWLEDGED) {
            return false;
        }
        require(EnumSet.of(ApplicationStatus.SENT_TO_PROVIDER));
        acknowledgedAt = at;
        moveTo(ApplicationStatus.ACKNOWLEDGED, at);
        return true;
    }

    /**
     * Follows issuance's events (DocumentReady, DocumentIssued, DocumentReturned). A step
     * already taken or one from a state it cannot follow is ignored and reported false.
     */
    public boolean follow(ApplicationStatus next, Instant at) {
        Set<ApplicationStatus> from = switch (next) {
            case READY -> EnumSet.of(ApplicationStatus.SENT_TO_PROVIDER, ApplicationStatus.ACKNOWLEDGED);
            case ISSUED, RETURNED -> EnumSet.of(ApplicationStatus.READY, ApplicationStatus.SENT_TO_PROVIDER,
                    ApplicationStatus.ACKNOWLEDGED);
            default -> EnumSet.noneOf(ApplicationStatus.class);
        };
        if (!from.contains(status)) {
            return false;
        }
        moveTo(next, at);
        return true;
    }

    private void require(Set<ApplicationStatus> allowed) {
        if (!allowed.contains(status)) {
            throw new IllegalStateException("application " + id + " is " + status + ", not one of " + allowed);
        }
    }

    private void moveTo(ApplicationStatus next, Instant at) {
        status = next;
        statusChangedAt = at;
    }
}
