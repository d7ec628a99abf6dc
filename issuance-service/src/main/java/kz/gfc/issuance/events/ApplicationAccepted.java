package kz.gfc.issuance.events;

import java.time.Instant;
import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** What intake publishes when it accepts an application; issuance opens a package for it. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ApplicationAccepted(String applicationId, String receiptNumber, String serviceCode, String serviceKind,
        String catalogueVersion, String provider, String branchCode, String ticketId, String applicantPseudonym,
        String operatorId, Instant acceptedAt, LocalDate readyDate, String delivery, String resultKind,
        String retentionClass, String language) {

    public static final String TYPE = "kz.gfc.application.accepted.v1";
}
