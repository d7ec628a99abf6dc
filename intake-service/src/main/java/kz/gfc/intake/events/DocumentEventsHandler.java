package kz.gfc.intake.events;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.common.annotation.Blocking;
import kz.gfc.intake.domain.application.Application;
import kz.gfc.intake.domain.application.ApplicationStatus;
import kz.gfc.kit.events.EventHandler;
import kz.gfc.kit.events.EventInbox;
import kz.gfc.kit.events.IncomingEvent;
import kz.gfc.kit.events.UnprocessableEventException;

/**
 * R26: an application's status follows its result through issuance: DocumentReady → READY,
 * DocumentIssued → ISSUED, DocumentReturned → RETURNED. Issuance is the authority on the
 * package; a step intake cannot follow (an application it does not know, a step already
 * taken) is logged and skipped, not dead-lettered.
 */
@ApplicationScoped
public class DocumentEventsHandler implements EventHandler {

    private static final Logger LOG = Logger.getLogger(DocumentEventsHandler.class);

    static final String READY = "kz.gfc.document.ready.v1";
    static final String ISSUED = "kz.gfc.document.issued.v1";
    static final String RETURNED = "kz.gfc.document.returned.v1";

    record DocumentEvent(String barcode, String applicationId, Instant readyAt, Instant issuedAt, Instant returnedAt) {
    }

    private final EventInbox inbox;
    private final ObjectMapper json;

    public DocumentEventsHandler(EventInbox inbox, ObjectMapper json) {
        this.inbox = inbox;
        this.json = json;
    }

    @Incoming("document-events")
    @Blocking
    public void consume(ConsumerRecord<String, String> record) {
        inbox.accept(record);
    }

    @Override
    public Set<String> types() {
        return Set.of(READY, ISSUED, RETURNED);
    }

    @Override
    public void handle(IncomingEvent event) {
        DocumentEvent d = event.data(DocumentEvent.class, json);
        UUID id;
        try {
            id = UUID.fromString(d.applicationId());
        } catch (RuntimeException e) {
            throw new UnprocessableEventException(event.type() + " " + event.id() + " names no application id");
        }
        Application a = Application.findById(id);
        if (a == null) {
            LOG.infof("%s for application %s, which intake does not hold: skipped", event.type(), id);
            return;
        }
        ApplicationStatus next;
        Instant at;
        switch (event.type()) {
            case READY -> {
                next = ApplicationStatus.READY;
                at = d.readyAt();
            }
            case ISSUED -> {
                next = ApplicationStatus.ISSUED;
                at = d.issuedAt();
            }
            default -> {
                next = ApplicationStatus.RETURNED;
                at = d.returnedAt();
            }
        }
        if (!a.follow(next, at != null ? at : event.time())) {
            LOG.infof("%s for application %s, which is %s: skipped", event.type(), id, a.status);
        }
    }
}
