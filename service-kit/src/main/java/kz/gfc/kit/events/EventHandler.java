package kz.gfc.kit.events;

import java.util.Set;

/**
 * What a service declares to consume events: the CloudEvent types it handles and the
 * effect. {@link EventInbox} calls it inside a transaction that also records the event id,
 * so the effect happens exactly once; throwing rolls both back and dead-letters the event.
 */
public interface EventHandler {

    Set<String> types();

    void handle(IncomingEvent event);
}
