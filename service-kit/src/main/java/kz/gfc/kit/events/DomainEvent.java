package kz.gfc.kit.events;

/**
 * An integration event a service publishes: a record of what happened, named in the past
 * tense. Only its record components are serialised as the CloudEvent's data; the two
 * methods below give its CloudEvent {@code type} and {@code subject} (the aggregate id,
 * also the Kafka key, so one aggregate's events stay in order).
 */
public interface DomainEvent {

    /** E.g. {@code kz.gfc.ticket.issued.v1}. */
    String eventType();

    /** The aggregate's id: ticket, application, package… */
    String aggregateId();
}
