package kz.gfc.issuance.events;

import java.time.Instant;

import kz.gfc.issuance.domain.DocumentPackage;
import kz.gfc.kit.events.DomainEvent;

/** The result was handed over (R19): to the applicant or an authorised representative. */
public record DocumentIssued(String barcode, String applicationId, String branchCode, String recipient,
        Instant issuedAt, String operatorId) implements DomainEvent {

    public static final String TYPE = "kz.gfc.document.issued.v1";

    public static DocumentIssued of(DocumentPackage p, String recipient, String operatorId) {
        return new DocumentIssued(p.barcode, p.applicationId.toString(), p.branchCode, recipient, p.issuedAt,
                operatorId);
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
