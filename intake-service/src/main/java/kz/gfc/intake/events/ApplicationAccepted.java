package kz.gfc.intake.events;

import java.time.Instant;
import java.time.LocalDate;

import kz.gfc.intake.domain.application.Application;
import kz.gfc.kit.events.DomainEvent;

/** An application was accepted at a window (R15.5). The applicant only as a pseudonym (R23). */
public record ApplicationAccepted(String applicationId, String receiptNumber, String serviceCode, String serviceKind,
        int catalogueVersion, String provider, String branchCode, String ticketId, String applicantPseudonym,
        String operatorId, Instant acceptedAt, LocalDate readyDate, String delivery, String resultKind,
        String retentionClass, String language) implements DomainEvent {

    public static final String TYPE = "kz.gfc.application.accepted.v1";

    public static ApplicationAccepted of(Application a) {
        return new ApplicationAccepted(a.id.toString(), a.receiptNumber, a.serviceCode, a.serviceKind, a.catalogueVersion,
                a.provider, a.branchCode, a.ticketId, a.applicantPseudonym, a.operatorId, a.receivedAt, a.readyDate,
                a.delivery, a.resultKind, a.retentionClass, a.language);
    }

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public String aggregateId() {
        return applicationId;
    }
}
