package kz.gfc.intake.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import kz.gfc.intake.domain.Receipt;
import kz.gfc.intake.domain.application.Application;

/** An application as staff, its provider and its applicant see it; the IIN is not in it (R23). */
public record ApplicationView(UUID id, String receiptNumber, String outcome, String status, String serviceCode,
        String serviceKind, int catalogueVersion, String provider, String addressee, String branch, String ticketId,
        String language, String appliedBy, String identityMethod, String delivery, String resultKind,
        String retentionClass, LocalDate readyDate, Instant receivedAt, Instant forwardedAt, Instant acknowledgedAt,
        /** R7: where each datum came from (POPULATION_REGISTER, an information system, OPERATOR, APPLICANT). */
        Map<String, String> dataSources,
        /** R17: certified copies, each with the SHA-256 the signed body named. */
        java.util.List<CopyView> copies, Receipt receipt) {

    public record CopyView(UUID id, String documentCode, String mediaType, int sizeBytes, String sha256) {
    }

    public static ApplicationView of(Application a, Map<String, String> sources, java.util.List<CopyView> copies, Receipt receipt) {
        return new ApplicationView(a.id, a.receiptNumber, a.outcome, a.status.name(), a.serviceCode, a.serviceKind,
                a.catalogueVersion, a.provider, a.addressee, a.branchCode, a.ticketId, a.language, a.appliedBy,
                a.identityMethod, a.delivery, a.resultKind, a.retentionClass, a.readyDate, a.receivedAt, a.forwardedAt,
                a.acknowledgedAt, sources, copies, receipt);
    }
}
