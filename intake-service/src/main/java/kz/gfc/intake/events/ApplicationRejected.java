package kz.gfc.intake.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import kz.gfc.intake.domain.application.Application;
import kz.gfc.kit.events.DomainEvent;

/** R15.6: an application was refused at the window; what was missing, and no personal data. */
public record ApplicationRejected(String applicationId, String receiptNumber, String serviceCode, String provider,
        String branchCode, String operatorId, Instant rejectedAt, List<String> missingDocuments, List<String> missingFields,
        BigDecimal feeShortfall) implements DomainEvent {

    public static final String TYPE = "kz.gfc.application.rejected.v1";

    /** What was missing by document code and field name only: labels are the catalogue's, names are personal. */
    public static ApplicationRejected of(Application a, List<String> missingDocuments, List<String> missingFields) {
        return new ApplicationRejected(a.id.toString(), a.receiptNumber, a.serviceCode, a.provider, a.branchCode,
                a.operatorId, a.statusChangedAt, List.copyOf(missingDocuments), List.copyOf(missingFields), a.feeShortfall);
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
