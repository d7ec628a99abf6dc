package kz.gfc.kit.audit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An operation whose every successful call the service already writes, in the same
 * transaction, to an append-only record of its own that auditors read — named here (a table, a
 * log). The kit's audit trail then adds no line for a successful call: a second copy of each
 * entry, sent through Kafka, would cost more than the operation itself on a path that runs
 * before every access to a person's data. Refused calls (4xx) are still audited by the kit, and
 * so is a call the resource marks with {@link AuditScope#notRecordedHere()} because it answered
 * without writing its own record.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface RecordedBy {

    /** Where the calls are recorded, for the reader of the code and of the OpenAPI text. */
    String value();
}
