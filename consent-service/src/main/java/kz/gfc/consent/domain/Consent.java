package kz.gfc.consent.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import kz.gfc.consent.events.ConsentExpired;
import kz.gfc.consent.events.ConsentGranted;
import kz.gfc.consent.events.ConsentRevoked;
import kz.gfc.kit.problem.ProblemException;
import kz.gfc.kit.problem.Text;

/**
 * A subject's consent to a recipient's use of protected data for one service (R7, R8), after
 * the Kantara consent receipt and ISO/IEC TS 27560: who, to whom, which data, what for, on
 * which legal basis, through which channel, the hash of the text agreed to, and evidence.
 * The subject's IIN is kept only as {@code IinCipher} ciphertext, with its pseudonym for lookups.
 */
@Entity
@Table(name = "consent")
public class Consent extends PanacheEntityBase {

    /** The associated data the subject's IIN is sealed under: it opens in this column only. */
    public static final String IIN_PURPOSE = "consent.consent.subject";

    @Id
    public UUID id;
    @Column(name = "subject_iin", nullable = false)
    public String subjectIin;
    @Column(name = "subject_pseudonym", nullable = false)
    public String subjectPseudonym;
    @Column(nullable = false)
    public String recipient;
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "consent_scope_grant", joinColumns = @JoinColumn(name = "consent_id"))
    @Column(name = "scope")
    public Set<String> scopes = new TreeSet<>();
    @Column(nullable = false)
    public String purpose;
    @Column(name = "legal_basis", nullable = false)
    public String legalBasis;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ConsentChannel channel;
    @Column(nullable = false)
    public String language;
    @Column(name = "text_hash", nullable = false)
    public String textHash;
    @Column(name = "granted_at", nullable = false)
    public Instant grantedAt;
    @Column(name = "valid_until", nullable = false)
    public Instant validUntil;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ConsentStatus status;
    @Column(name = "revoked_at")
    public Instant revokedAt;
    @Column(name = "expired_at")
    public Instant expiredAt;
    @Column(name = "data_from")
    public LocalDate dataFrom;
    @Column(name = "data_to")
    public LocalDate dataTo;
    public String retention;
    @Column(name = "fetch_limit")
    public Integer fetchLimit;
    @Column(name = "fetch_period")
    public String fetchPeriod;
    @Column(name = "granted_by", nullable = false)
    public String grantedBy;
    @Column(nullable = false)
    public String evidence;
    /** For a consent signed at the window: the subject's signature (its id), which gives one consent only. */
    @Column(name = "signature_id")
    public String signatureId;

    public static Consent grant(ConsentTerms terms, String encryptedIin, String pseudonym, ConsentChannel channel,
            String legalBasis, String textHash, String grantedBy, String evidence, Instant now) {
        Consent c = new Consent();
        c.id = UUID.randomUUID();
        c.subjectIin = encryptedIin;
        c.subjectPseudonym = pseudonym;
        c.recipient = terms.recipient();
        c.scopes = new TreeSet<>(terms.scopes());
        c.purpose = terms.purpose();
        c.legalBasis = legalBasis;
        c.channel = channel;
        c.language = terms.language();
        c.textHash = textHash;
        c.grantedAt = now;
        c.validUntil = terms.validUntil();
        c.status = ConsentStatus.ACTIVE;
        c.dataFrom = terms.dataFrom();
        c.dataTo = terms.dataTo();
        c.retention = terms.retention();
        c.fetchLimit = terms.fetchLimit();
        c.fetchPeriod = terms.fetchPeriod();
        c.grantedBy = grantedBy;
        c.evidence = evidence;
        return c;
    }

    public List<String> scopeList() {
        return new ArrayList<>(new TreeSet<>(scopes));
    }

    public ConsentGranted granted() {
        return new ConsentGranted(id.toString(), subjectPseudonym, recipient, scopeList(), purpose, channel.name(),
                grantedAt, validUntil);
    }

    /** Withdrawn by its subject: effective for every check that starts after this commits. */
    public ConsentRevoked revoke(Instant now) {
        if (status != ConsentStatus.ACTIVE) {
            throw ProblemException.conflict("consent-not-active", "consent " + id + " is " + status,
                    Text.of("Келісім белсенді емес: ол бұрын қайтарылған немесе мерзімі өткен",
                            "Согласие не действует: оно уже отозвано или истекло"));
        }
        status = ConsentStatus.REVOKED;
        revokedAt = now;
        return new ConsentRevoked(id.toString(), subjectPseudonym, recipient, scopeList(), purpose, now);
    }

    /** Run out: only the expiry job calls this, for a consent past its validity. */
    public ConsentExpired expire(Instant now) {
        if (status != ConsentStatus.ACTIVE || validUntil.isAfter(now)) {
            throw new IllegalStateException("consent " + id + " is not due to expire");
        }
        status = ConsentStatus.EXPIRED;
        expiredAt = now;
        return new ConsentExpired(id.toString(), subjectPseudonym, recipient, scopeList(), purpose, now);
    }
}
