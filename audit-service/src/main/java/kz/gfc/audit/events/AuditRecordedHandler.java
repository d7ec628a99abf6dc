package kz.gfc.audit.events;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.common.annotation.Blocking;
import kz.gfc.audit.domain.AuditLog;
import kz.gfc.audit.domain.AuditRecord;
import kz.gfc.kit.audit.AuditRecorded;
import kz.gfc.kit.events.EventHandler;
import kz.gfc.kit.events.EventInbox;
import kz.gfc.kit.events.IncomingEvent;
import kz.gfc.kit.events.UnprocessableEventException;

/** Stores every service's AuditRecorded in the chained log (R21), once per event id. */
@ApplicationScoped
public class AuditRecordedHandler implements EventHandler {

    @Inject
    EventInbox inbox;

    @Inject
    AuditLog log;

    @Inject
    ObjectMapper json;

    @Incoming("audit-events")
    @Blocking
    public void consume(ConsumerRecord<String, String> record) {
        inbox.accept(record);
    }

    @Override
    public Set<String> types() {
        return Set.of(AuditRecorded.TYPE);
    }

    @Override
    public void handle(IncomingEvent event) {
        AuditRecorded a = event.data(AuditRecorded.class, json);
        if (a.actorId() == null || a.action() == null || a.outcome() == null || a.service() == null) {
            throw new UnprocessableEventException("AuditRecorded " + event.id() + " lacks actor, action, outcome or service");
        }
        AuditRecord r = new AuditRecord();
        r.eventId = event.id();
        r.service = a.service();
        r.actorId = a.actorId();
        r.actorRoles = a.actorRoles() == null ? "" : String.join(",", a.actorRoles().stream().sorted().toList());
        r.action = a.action();
        r.httpMethod = a.httpMethod();
        r.path = a.path();
        r.resourceType = a.resourceType();
        r.resourceId = a.resourceId();
        r.outcome = a.outcome();
        r.status = a.status();
        r.occurredAt = a.occurredAt() != null ? a.occurredAt() : event.time();
        r.correlationId = a.correlationId() != null ? a.correlationId() : event.correlationId();
        r.clientAddress = a.clientAddress();
        log.append(r);
    }
}
