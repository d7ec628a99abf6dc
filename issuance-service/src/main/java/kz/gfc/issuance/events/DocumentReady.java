package kz.gfc.issuance.events;

import java.time.Instant;

import kz.gfc.issuance.domain.DocumentPackage;
import kz.gfc.kit.events.DomainEvent;

/** The result is at the centre for the first time (a paper package scanned in, or an electronic result). */
public record DocumentReady(String barcode, String applicationId, String provider, String branchCode, Instant readyAt,
        String via) implements DomainEvent {

    public static final String TYPE = "kz.gfc.document.ready.v1";

    public static DocumentReady of(DocumentPackage p) {
        return new DocumentReady(p.barcode, p.applicationId.toString(), p.provider, p.branchCode, p.readyAt,
                p.delivery.name());
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
