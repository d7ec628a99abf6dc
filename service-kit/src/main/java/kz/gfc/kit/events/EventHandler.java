package kz.gfc.kit.events;

import java.util.List;
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

    /**
     * The effect of several events, in the order given (a partition's order), inside one
     * transaction: {@link EventInbox#accept(java.util.List)} calls it with the events of a
     * polled batch that were not processed before. A handler whose effect is cheaper done
     * for many at once (one lock, one multi-row insert) overrides it; it must have the same
     * effect as {@link #handle} called for each. Throwing rolls the whole batch back; the
     * inbox then handles each event on its own, so only the bad one is dead-lettered.
     */
    default void handleAll(List<IncomingEvent> events) {
        for (IncomingEvent event : events) {
            handle(event);
        }
    }
}
