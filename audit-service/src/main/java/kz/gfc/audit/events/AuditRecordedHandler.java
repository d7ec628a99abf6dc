package kz.gfc.audit.events;

import static kz.gfc.kit.audit.AuditRecorded.bounded;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import kz.gfc.audit.domain.AuditLog;
import kz.gfc.audit.domain.AuditRecord;
import kz.gfc.kit.audit.AuditRecorded;
import kz.gfc.kit.events.EventHandler;
import kz.gfc.kit.events.EventInbox;
import kz.gfc.kit.events.IncomingEvent;
import kz.gfc.kit.events.UnprocessableEventException;

/**
 * Stores every service's AuditRecorded in the chained log (R21), once per event id. Every value
 * is fitted to its column here ({@link AuditRecorded#bounded}: cut, and marked with a digest of
 * the whole), whatever the producer did: a line refused for its length would be dead-lettered,
 * and an action would be missing from the log.
 */
@ApplicationScoped
public class AuditRecordedHandler implements EventHandler {

    @Inject
    EventInbox inbox;

    @Inject
    AuditLog log;

    @Inject
    ObjectMapper json;

    /**
     * A whole poll at a time (the channel is consumed with {@code batch=true}): one transaction,
     * one lock of the chain head and one multi-row insert for all of its lines.
     */
    @Incoming("audit-events")
    @Blocking
    public CompletionStage<Void> consume(KafkaRecordBatch<String, String> batch) {
        return inbox.accept(batch);
    }

    @Override
    public Set<String> types() {
        return Set.of(AuditRecorded.TYPE);
    }

    @Override
    public void handle(IncomingEvent event) {
        log.append(List.of(record(event)));
    }

    @Override
    public void handleAll(List<IncomingEvent> events) {
        List<AuditRecord> records = new ArrayList<>(events.size());
        for (IncomingEvent event : events) {
            records.add(record(event));
        }
        log.append(records);
    }

    private AuditRecord record(IncomingEvent event) {
        AuditRecorded a = event.data(AuditRecorded.class, json);
        if (a.actorId() == null || a.action() == null || a.outcome() == null || a.service() == null) {
            throw new UnprocessableEventException("AuditRecorded " + event.id() + " lacks actor, action, outcome or service");
        }
        AuditRecord r = new AuditRecord();
        r.eventId = event.id();
        r.service = bounded(a.service(), AuditRecord.SERVICE);
        r.actorId = bounded(a.actorId(), AuditRecord.ACTOR_ID);
        r.actorRoles = a.actorRoles() == null ? ""
                : bounded(String.join(",", a.actorRoles().stream().sorted().toList()), AuditRecord.ACTOR_ROLES);
        r.action = bounded(a.action(), AuditRecord.ACTION);
        r.httpMethod = bounded(a.httpMethod(), AuditRecord.HTTP_METHOD);
        r.path = bounded(a.path(), AuditRecord.PATH);
        r.resourceType = bounded(a.resourceType(), AuditRecord.RESOURCE_TYPE);
        r.resourceId = bounded(a.resourceId(), AuditRecord.RESOURCE_ID);
        r.outcome = bounded(a.outcome(), AuditRecord.OUTCOME);
        r.status = a.status();
        r.occurredAt = a.occurredAt() != null ? a.occurredAt() : event.time();
        r.correlationId = bounded(a.correlationId() != null ? a.correlationId() : event.correlationId(), AuditRecord.CORRELATION_ID);
        r.clientAddress = bounded(a.clientAddress(), AuditRecord.CLIENT_ADDRESS);
        return r;
    }
}
