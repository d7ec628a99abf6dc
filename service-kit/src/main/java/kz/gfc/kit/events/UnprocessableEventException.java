package kz.gfc.kit.events;

/** An event that can never be processed as it is (bad JSON, unknown type, broken rule): it goes to the DLQ. */
public class UnprocessableEventException extends RuntimeException {

    public UnprocessableEventException(String reason) {
        super(reason, null, false, false);
    }
}
