package kz.gfc.consent.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
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

/**
 * A consent asked for on the subject's behalf (at the window, or by a provider system), waiting
 * for the one-time code texted to the subject — as Kazakhstan's personal-data access control
 * service does. Holds only a keyed hash of the code; a few wrong codes lock it for good.
 */
@Entity
@Table(name = "consent_request")
public class ConsentRequest extends PanacheEntityBase {

    public static final String IIN_PURPOSE = "consent.consent_request.subject";

    public enum Status {
        PENDING, CONFIRMED, LOCKED
    }

    @Id
    public UUID id;
    @Column(name = "subject_iin", nullable = false)
    public String subjectIin;
    @Column(name = "subject_pseudonym", nullable = false)
    public String subjectPseudonym;
    @Column(nullable = false)
    public String recipient;
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "consent_request_scope", joinColumns = @JoinColumn(name = "request_id"))
    @Column(name = "scope")
    public Set<String> scopes = new TreeSet<>();
    @Column(nullable = false)
    public String purpose;
    @Column(nullable = false)
    public String language;
    @Column(name = "valid_until", nullable = false)
    public Instant validUntil;
    @Column(name = "data_from")
    public LocalDate dataFrom;
    @Column(name = "data_to")
    public LocalDate dataTo;
    public String retention;
    @Column(name = "fetch_limit")
    public Integer fetchLimit;
    @Column(name = "fetch_period")
    public String fetchPeriod;
    @Column(name = "code_hash", nullable = false)
    public String codeHash;
    @Column(name = "code_salt", nullable = false)
    public String codeSalt;
    @Column(nullable = false)
    public int attempts;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;
    @Column(name = "requested_by", nullable = false)
    public String requestedBy;
    @Column(name = "requested_at", nullable = false)
    public Instant requestedAt;
    @Column(name = "code_expires_at", nullable = false)
    public Instant codeExpiresAt;
    @Column(name = "consent_id")
    public UUID consentId;

    public static ConsentRequest open(UUID id, ConsentTerms t, String encryptedIin, String pseudonym, String requestedBy,
            Instant now, Duration codeTtl) {
        ConsentRequest r = new ConsentRequest();
        r.id = id;
        r.subjectIin = encryptedIin;
        r.subjectPseudonym = pseudonym;
        r.recipient = t.recipient();
        r.scopes = new TreeSet<>(t.scopes());
        r.purpose = t.purpose();
        r.language = t.language();
        r.validUntil = t.validUntil();
        r.dataFrom = t.dataFrom();
        r.dataTo = t.dataTo();
        r.retention = t.retention();
        r.fetchLimit = t.fetchLimit();
        r.fetchPeriod = t.fetchPeriod();
        r.status = Status.PENDING;
        r.requestedBy = requestedBy;
        r.requestedAt = now;
        r.codeExpiresAt = now.plus(codeTtl);
        return r;
    }

    public ConsentTerms terms() {
        return new ConsentTerms(recipient, new ArrayList<>(new TreeSet<>(scopes)), purpose, validUntil, dataFrom, dataTo,
                retention, fetchLimit, fetchPeriod, language);
    }

    /** A wrong code: counted, and the request locked once the attempts are used up. Returns attempts left. */
    public int wrongCode(int maxAttempts) {
        attempts++;
        if (attempts >= maxAttempts) {
            status = Status.LOCKED;
        }
        return Math.max(0, maxAttempts - attempts);
    }

    public void confirmed(UUID consent) {
        status = Status.CONFIRMED;
        consentId = consent;
        attempts++;
    }
}
