package kz.gfc.issuance.events;

import java.time.Instant;

import kz.gfc.issuance.domain.DocumentPackage;
import kz.gfc.kit.events.DomainEvent;

/** The result went back to the provider: unclaimed (R20) or by a supervisor. */
public record DocumentReturned(String barcode, String applicationId, String provider, String branchCode,
        String reason, Instant returnedAt) implements DomainEvent {

    public static final String TYPE = "kz.gfc.document.returned.v1";
    public static final String UNCLAIMED = "UNCLAIMED";
    public static final String BY_SUPERVISOR = "BY_SUPERVISOR";

    public static DocumentReturned of(DocumentPackage p) {
        return new DocumentReturned(p.barcode, p.applicationId.toString(), p.provider, p.branchCode, p.returnReason,
                p.returnedAt);
    }

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public String aggregateId() {
        return barcode;
    }
}
