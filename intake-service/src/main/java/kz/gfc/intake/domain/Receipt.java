package kz.gfc.intake.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * R15.5/R15.6: the receipt (қолхат) for an application, accepted or refused: what the
 * applicant takes away, in the language they chose (R16). Times are Kazakhstan's (UTC+5).
 * Renderers (HTML, PDF, QR) read this view and nothing else.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Receipt(
        String number,
        UUID applicationId,
        /** ACCEPTED or REJECTED. */
        String outcome,
        String status,
        String serviceCode,
        String serviceNameKk,
        String serviceNameRu,
        String serviceKind,
        String provider,
        /** For an appeal (R13): the body it is addressed to. */
        String addressee,
        String branch,
        /** From the operator's token, never from a request body. */
        String operatorName,
        OffsetDateTime acceptedAt,
        OffsetDateTime decidedAt,
        /** R25: when the result will be ready; null for a refusal. */
        LocalDate readyDate,
        List<DocumentLine> acceptedDocuments,
        List<DocumentLine> missingDocuments,
        List<FieldLine> missingFields,
        BigDecimal feeDue,
        BigDecimal feePaid,
        /** R15.3: how much of the fee is missing; null when nothing is. */
        BigDecimal feeShortfall,
        /** kk or ru. */
        String language,
        int catalogueVersion,
        /** SHA-256 of the canonical content the operator's EDS signed. */
        String signedContentSha256) {

    /** A document: presented (ORIGINAL, COPY, DIGITAL) or taken from an information system (FROM_IS). */
    public record DocumentLine(String code, String nameKk, String nameRu, String form, String informationSystem) {
    }

    public record FieldLine(String name, String labelKk, String labelRu) {
    }
}
