package kz.gfc.kit.events;

/**
 * An event that can never be processed as it is (bad JSON, broken rule): it goes to the DLQ
 * at once, even when a database failure is in its causes. Not for a type the service does not
 * handle: such events are skipped.
 */
public class UnprocessableEventException extends RuntimeException {

    public UnprocessableEventException(String reason) {
        super(reason, null, false, false);
    }
}
