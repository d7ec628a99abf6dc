package kz.gfc.consent.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import kz.gfc.consent.domain.AccessLogEntry;
import kz.gfc.consent.domain.Consent;
import kz.gfc.consent.domain.ConsentRequest;
import kz.gfc.consent.domain.ConsentService;

/** What the API shows; never an IIN. */
final class Views {

    private Views() {
    }

    public record ConsentView(UUID id, String recipient, List<String> scopes, String purpose, String legalBasis,
            String channel, String language, String textHash, Instant grantedAt, Instant validUntil, String status,
            Instant revokedAt, Instant expiredAt, LocalDate dataFrom, LocalDate dataTo, String retention,
            Integer fetchLimit, String fetchPeriod, long useCount, Instant lastUsedAt) {

        static ConsentView of(Consent c, ConsentService.UseRecord use) {
            return new ConsentView(c.id, c.recipient, c.scopeList(), c.purpose, c.legalBasis, c.channel.name(), c.language,
                    c.textHash, c.grantedAt, c.validUntil, c.status.name(), c.revokedAt, c.expiredAt, c.dataFrom,
                    c.dataTo, c.retention, c.fetchLimit, c.fetchPeriod, use.count(), use.lastUsedAt());
        }
    }

    /** A consent with its signed artefact (compact JWS, verifiable with GET /api/v1/consents/keys). */
    public record Granted(ConsentView consent, String artefact) {
    }

    public record Artefact(UUID consentId, String artefact) {
    }

    public record RequestView(UUID id, String status, String recipient, List<String> scopes, String purpose,
            Instant validUntil, Instant codeExpiresAt, int attemptsLeft) {

        static RequestView of(ConsentRequest r, int maxAttempts) {
            return new RequestView(r.id, r.status.name(), r.recipient, List.copyOf(new java.util.TreeSet<>(r.scopes)),
                    r.purpose, r.validUntil, r.codeExpiresAt, Math.max(0, maxAttempts - r.attempts));
        }
    }

    public record CheckResult(
            boolean allowed,
            @Schema(description = "The consent that allowed the access; null when refused") UUID consentId,
            @Schema(description = "Until when that consent runs; null when refused") Instant validUntil,
            @Schema(description = "Why it was refused, null when allowed: NO_ACTIVE_CONSENT (none active for this"
                    + " recipient, scope and service) or FETCH_LIMIT_REACHED (the consent's fetchLimit is used up for its"
                    + " fetchPeriod, a calendar day, month or year in Asia/Almaty time)",
                    enumeration = {"NO_ACTIVE_CONSENT", "FETCH_LIMIT_REACHED"}) String reason,
            @Schema(description = "With FETCH_LIMIT_REACHED: when the next period starts (00:00 Asia/Almaty of the next"
                    + " day, 1st of the month or 1 January)") Instant limitResetsAt) {
    }

    public record AccessView(Instant accessedAt, String organisation, String operatorName, String scope, String purpose,
            String recipient, UUID consentId) {

        static AccessView of(AccessLogEntry e) {
            return new AccessView(e.accessedAt, e.organisation, e.operatorName, e.scope, e.purpose, e.recipient, e.consentId);
        }
    }
}
