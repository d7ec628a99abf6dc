package kz.gfc.intake.domain.application;

/**
 * Where an application stands. A refusal is a recorded outcome too (R15.6). Forwarding waits
 * for the applicant's consent where the service needs one (R7/R8); after that the status
 * follows the provider and issuance.
 */
public enum ApplicationStatus {
    REJECTED, AWAITING_CONSENT, SENT_TO_PROVIDER, ACKNOWLEDGED, READY, ISSUED, RETURNED
}
