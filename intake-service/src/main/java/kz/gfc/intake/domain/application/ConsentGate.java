package kz.gfc.intake.domain.application;

import kz.gfc.kit.iin.Iin;

/**
 * R7/R8: asks the personal-data access control service (consent-service) whether the
 * subject's consent lets {@code recipient} use {@code scope} for {@code purpose} now.
 */
public interface ConsentGate {

    /** @throws ConsentUnavailable when the answer cannot be had: the application then waits */
    Answer check(Iin subject, String recipient, String scope, String purpose);

    record Answer(boolean allowed, String consentId) {
    }

    class ConsentUnavailable extends RuntimeException {
        public ConsentUnavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
