package kz.gfc.issuance.infra;

import java.time.temporal.ChronoUnit;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import kz.gfc.issuance.domain.ApplicantContacts;

/**
 * {@link ApplicantContacts} over intake's REST API with a client-credentials token. A slow
 * intake costs at most the timeout per try; after repeated failures the breaker opens and calls
 * fail at once, so a run of the ready-text job does not pile up waiting on a dead service.
 */
@ApplicationScoped
public class IntakeContacts implements ApplicantContacts {

    private final IntakeClient intake;

    IntakeContacts(@RestClient IntakeClient intake) {
        this.intake = intake;
    }

    @Override
    @Timeout(value = 3, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 200, jitter = 100)
    @CircuitBreaker(requestVolumeThreshold = 6, failureRatio = 0.5, delay = 30, delayUnit = ChronoUnit.SECONDS)
    public Contact contactOf(UUID applicationId) {
        IntakeClient.ContactReply r = intake.contact(applicationId);
        return new Contact(r.phone(), r.language());
    }
}
