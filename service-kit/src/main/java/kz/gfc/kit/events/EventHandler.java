package kz.gfc.kit.events;

import java.util.Set;

/**
 * What a service declares to consume events: the CloudEvent types it handles and the
 * effect. {@link EventInbox} calls it inside a transaction that also records the event id,
 * so the effect happens exactly once. Throwing rolls both back: a failure of the database
 * (lock timeout, lost connection, deadlock ...) is retried until it passes, anything else
 * dead-letters the event. Events of other types never reach the handler.
 */
public interface EventHandler {

    Set<String> types();

    void handle(IncomingEvent event);
}
