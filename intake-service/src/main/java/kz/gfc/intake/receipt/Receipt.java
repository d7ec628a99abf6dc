package kz.gfc.intake.receipt;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import kz.gfc.kit.problem.Language;

/**
 * The receipt an applicant takes home (R15.5, қолхат / расписка): what was accepted, by whom,
 * when, and when the result will be ready; or, for a refusal (R15.6), every missing document,
 * mandatory field and the fee shortfall. Printed in the applicant's language (R16), with a
 * verification link that carries no personal data.
 *
 * @param number            the receipt number printed and looked up on verification
 * @param status            {@code ACCEPTED} or {@code REJECTED}
 * @param decidedAt         acceptance or refusal time; printed in Kazakhstan time (UTC+5)
 * @param readyDate         when the result is ready; null for a refusal
 * @param acceptedDocuments names of the documents taken (for a refusal: those presented)
 * @param feeShortfall      tenge still owed, or null when the fee was paid in full
 * @param language          {@code kk} or {@code ru}
 */
public record Receipt(
        String number,
        UUID applicationId,
        Status status,
        String serviceCode,
        String serviceNameKk,
        String serviceNameRu,
        String branchCode,
        String operatorName,
        Instant decidedAt,
        LocalDate readyDate,
        List<String> acceptedDocuments,
        List<String> missingDocuments,
        List<String> missingFields,
        BigDecimal feeShortfall,
        String language,
        String verificationUrl) {

    /**
     * The printed form of the application's receipt view: names in the receipt's language,
     * and the link its QR code holds.
     */
    public static Receipt of(kz.gfc.intake.domain.Receipt r, String verificationUrl) {
        boolean kk = "kk".equals(r.language());
        java.util.function.Function<kz.gfc.intake.domain.Receipt.DocumentLine, String> doc = d -> kk ? d.nameKk() : d.nameRu();
        return new Receipt(r.number(), r.applicationId(), Status.of(r.outcome()), r.serviceCode(), r.serviceNameKk(),
                r.serviceNameRu(), r.branch(), r.operatorName(), r.decidedAt() == null ? null : r.decidedAt().toInstant(),
                r.readyDate(), r.acceptedDocuments().stream().map(doc).toList(),
                r.missingDocuments().stream().map(doc).toList(),
                r.missingFields().stream().map(f -> kk ? f.labelKk() : f.labelRu()).toList(), r.feeShortfall(),
                r.language(), verificationUrl);
    }

    /** The outcome a receipt records. Later states of the application (forwarded, ready) are not receipts'. */
    public enum Status {
        ACCEPTED, REJECTED;

        /** Any application status other than {@code REJECTED} was an acceptance at the window. */
        public static Status of(String applicationStatus) {
            return "REJECTED".equals(applicationStatus) ? REJECTED : ACCEPTED;
        }
    }

    public Receipt {
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(decidedAt, "decidedAt");
        Objects.requireNonNull(verificationUrl, "verificationUrl");
        acceptedDocuments = acceptedDocuments == null ? List.of() : List.copyOf(acceptedDocuments);
        missingDocuments = missingDocuments == null ? List.of() : List.copyOf(missingDocuments);
        missingFields = missingFields == null ? List.of() : List.copyOf(missingFields);
        language = Language.parse(language).code();
        if (status == Status.REJECTED) {
            readyDate = null;
        }
    }

    public boolean rejected() {
        return status == Status.REJECTED;
    }

    Language lang() {
        return Language.parse(language);
    }

    /** The service's name in the receipt's language, the other one if that is missing. */
    String serviceName() {
        String name = lang() == Language.KK ? serviceNameKk : serviceNameRu;
        String other = lang() == Language.KK ? serviceNameRu : serviceNameKk;
        return name != null && !name.isBlank() ? name : Objects.requireNonNullElse(other, "");
    }
}
