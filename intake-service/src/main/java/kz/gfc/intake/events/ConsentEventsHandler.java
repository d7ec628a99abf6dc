package kz.gfc.intake.events;

import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.common.annotation.Blocking;
import kz.gfc.intake.domain.application.Forwarding;
import kz.gfc.kit.events.EventHandler;
import kz.gfc.kit.events.EventInbox;
import kz.gfc.kit.events.IncomingEvent;
import kz.gfc.kit.events.UnprocessableEventException;

/**
 * R7/R8: a consent granted moves the applicant's waiting applications to that recipient on,
 * once consent-service confirms it is (still) active. A consent revoked or expired needs no
 * action here: nothing waiting is forwarded without a fresh check, and what was forwarded
 * while the consent stood stays forwarded.
 */
@ApplicationScoped
public class ConsentEventsHandler implements EventHandler {

    private static final Logger LOG = Logger.getLogger(ConsentEventsHandler.class);

    static final String GRANTED = "kz.gfc.consent.granted.v1";
    static final String REVOKED = "kz.gfc.consent.revoked.v1";
    static final String EXPIRED = "kz.gfc.consent.expired.v1";

    record ConsentEvent(String consentId, String subjectPseudonym, String recipient, List<String> scopes, String purpose) {
    }

    private final EventInbox inbox;
    private final Forwarding forwarding;
    private final ObjectMapper json;

    public ConsentEventsHandler(EventInbox inbox, Forwarding forwarding, ObjectMapper json) {
        this.inbox = inbox;
        this.forwarding = forwarding;
        this.json = json;
    }

    @Incoming("consent-events")
    @Blocking
    public void consume(ConsumerRecord<String, String> record) {
        inbox.accept(record);
    }

    @Override
    public Set<String> types() {
        return Set.of(GRANTED, REVOKED, EXPIRED);
    }

    @Override
    public void handle(IncomingEvent event) {
        ConsentEvent c = event.data(ConsentEvent.class, json);
        if (c.subjectPseudonym() == null || c.recipient() == null) {
            throw new UnprocessableEventException(event.type() + " " + event.id() + " names no subject or recipient");
        }
        if (!GRANTED.equals(event.type())) {
            LOG.debugf("%s %s: waiting applications stay waiting", event.type(), c.consentId());
            return;
        }
        int forwarded = forwarding.retry(c.subjectPseudonym(), c.recipient(), c.purpose());
        if (forwarded > 0) {
            LOG.infof("consent %s: %d waiting application(s) forwarded to %s", c.consentId(), forwarded, c.recipient());
        }
    }
}
