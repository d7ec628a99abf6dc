package kz.gfc.intake.domain.application;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import kz.gfc.intake.domain.catalogue.Catalogue;
import kz.gfc.intake.domain.catalogue.ServiceDefinition;
import kz.gfc.kit.events.Outbox;
import kz.gfc.kit.iin.Iin;
import kz.gfc.kit.iin.IinCipher;

/**
 * R7/R8: an accepted application goes to its provider only while the applicant's consent
 * for that provider, each scope the service needs, and the service as purpose is active.
 * Without it the application waits (AWAITING_CONSENT); a ConsentGranted makes intake ask
 * again, and a consent revoked in between keeps it waiting, since the answer is always
 * consent-service's, never the event's.
 */
@ApplicationScoped
public class Forwarding {

    private static final Logger LOG = Logger.getLogger(Forwarding.class);

    /** Leave to forward, under the consent named (null for a service that needs none). */
    public record Clearance(String consentId) {
    }

    private final ConsentGate consents;
    private final Catalogue catalogue;
    private final IinCipher cipher;
    private final Outbox outbox;
    private final Clock clock;
    private final PopulationRegister register;
    private final ObjectMapper json;

    public Forwarding(ConsentGate consents, Catalogue catalogue, IinCipher cipher, Outbox outbox, Clock clock,
            PopulationRegister register, ObjectMapper json) {
        this.register = register;
        this.json = json;
        this.consents = consents;
        this.catalogue = catalogue;
        this.cipher = cipher;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Empty while a needed consent is missing or consent-service cannot say. */
    public Optional<Clearance> clearance(Iin applicant, String provider, ServiceDefinition service) {
        String consentId = null;
        for (String scope : service.consentScopesOrEmpty()) {
            ConsentGate.Answer answer;
            try {
                answer = consents.check(applicant, provider, scope, service.code());
            } catch (ConsentGate.ConsentUnavailable e) {
                LOG.warnf("consent-service could not be asked (%s): the application waits for consent", e.getMessage());
                return Optional.empty();
            }
            if (!answer.allowed()) {
                return Optional.empty();
            }
            if (consentId == null) {
                consentId = answer.consentId();
            }
        }
        return Optional.of(new Clearance(consentId));
    }

    /**
     * Forwards the waiting applications of a subject to a recipient (for one purpose, or any
     * when the consent names none) that consent-service now clears; returns how many went.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int retry(String subjectPseudonym, String recipient, String purpose) {
        List<Application> waiting = purpose == null
                ? Application.list("status = ?1 and applicantPseudonym = ?2 and provider = ?3",
                        ApplicationStatus.AWAITING_CONSENT, subjectPseudonym, recipient)
                : Application.list("status = ?1 and applicantPseudonym = ?2 and provider = ?3 and serviceCode = ?4",
                        ApplicationStatus.AWAITING_CONSENT, subjectPseudonym, recipient, purpose);
        int forwarded = 0;
        for (Application a : waiting) {
            if (retry(a)) {
                forwarded++;
            }
        }
        return forwarded;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public boolean retry(Application a) {
        ServiceDefinition service = catalogue.find(a.catalogueVersion, a.serviceCode).orElseThrow();
        Iin applicant = cipher.decrypt(a.applicantIin, Application.APPLICANT_IIN_PURPOSE);
        Optional<Clearance> clearance = clearance(applicant, a.provider, service);
        if (clearance.isEmpty()) {
            return false;
        }
        forward(a, applicant, service, clearance.get(), clock.instant());
        return true;
    }

    /**
     * Forwards, first reading what the register keeps protected where the service works under
     * the applicant's consent — only now that consent-service has cleared it (R7) — and
     * recording where it came from.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void forward(Application a, Iin applicant, ServiceDefinition service, Clearance clearance, Instant at) {
        if (!service.consentScopesOrEmpty().isEmpty() && clearance.consentId() != null) {
            register.registeredAddress(applicant).ifPresent(address -> {
                a.applicantAddress = address;
                try {
                    Map<String, String> sources = json.readValue(a.dataSources, new TypeReference<Map<String, String>>() {
                    });
                    sources.put("applicant.address", PopulationRegister.SYSTEM + " (consent " + clearance.consentId() + ")");
                    a.dataSources = json.writeValueAsString(sources);
                } catch (JsonProcessingException e) {
                    throw new IllegalStateException("stored data sources unreadable", e);
                }
            });
        }
        outbox.publish(a.forward(clearance.consentId(), at));
    }
}
