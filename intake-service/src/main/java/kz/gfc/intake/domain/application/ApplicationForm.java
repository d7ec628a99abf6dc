package kz.gfc.intake.domain.application;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import kz.gfc.kit.iin.Iin;

/**
 * An application as the operator's desk sends it (the body of POST /api/v1/applications).
 * The operator, their branch's right to act and their name come from the token; the body's
 * {@code signature} is the operator's EDS over the rest of it.
 */
public record ApplicationForm(
        @NotBlank @Pattern(regexp = "[A-Z][A-Z0-9_]{1,39}") String serviceCode,
        @NotBlank @Pattern(regexp = "[A-Z]{3}-\\d{2}") String branch,
        @Pattern(regexp = "[A-Za-z0-9-]{1,64}") String ticketId,
        /** R13: the body an appeal is addressed to (a provider code). */
        @Pattern(regexp = "[A-Z]{2,20}") String addressee,
        @NotNull @Valid Applicant applicant,
        @NotNull @Valid AppliedBy appliedBy,
        @NotNull @Valid IdentityCheck identityCheck,
        @NotNull @Size(max = 50) List<@NotNull @Valid PresentedDocument> documents,
        @Valid Payment payment,
        @NotNull @Pattern(regexp = "kk|ru") String language,
        @Size(max = 50) Map<@NotBlank @Size(max = 40) String, @Size(max = 4000) String> fields,
        /** R17: certified copies uploaded beforehand, named with their SHA-256 so the signature covers them. */
        @Size(max = 20) List<@NotNull @Valid CopyReference> copies,
        @NotBlank @Size(max = 65536) String signature) {

    public record CopyReference(@NotNull java.util.UUID id, @NotBlank @Pattern(regexp = "[0-9a-fA-F]{64}") String sha256) {
    }

    /** The person the service is for. Name and phone may be left to the population register. */
    public record Applicant(@NotNull Iin iin, @Size(max = 200) String fullName,
            @Pattern(regexp = "\\+7\\d{10}") String phone) {
    }

    public enum ApplicantKind { SELF, LEGAL_REPRESENTATIVE, TRUSTEE }

    /** R14: who stands at the window. */
    public record AppliedBy(@NotNull ApplicantKind kind, @Valid Representative representative,
            @Valid PowerOfAttorney powerOfAttorney) {
    }

    public record Representative(@NotNull Iin iin, @NotBlank @Size(max = 200) String fullName,
            /** For a legal representative: the document of authority (birth certificate, guardianship decision…). */
            @Size(max = 300) String authority) {
    }

    /** R14: a trustee's notarised power of attorney. */
    public record PowerOfAttorney(@NotBlank @Size(max = 60) String number, @NotNull LocalDate date,
            @NotBlank @Size(max = 200) String notary, @NotNull LocalDate validUntil) {
    }

    public enum IdentityMethod { ID_CARD, PASSPORT, DIGITAL_DOCUMENT, BIOMETRIC }

    /** R15.2: how the person at the window was identified, and that it matched. */
    public record IdentityCheck(@NotNull IdentityMethod method, @NotNull Boolean confirmed,
            /** Document number, digital document id or biometric check id. */
            @NotBlank @Size(max = 100) String reference) {
    }

    public enum DocumentForm { ORIGINAL, COPY, DIGITAL }

    public record PresentedDocument(@NotBlank @Pattern(regexp = "[A-Z][A-Z0-9_]{1,39}") String code,
            @NotNull DocumentForm form) {
    }

    /** R15.3: the payment document shown. */
    public record Payment(@NotNull @DecimalMin("0") @Digits(integer = 10, fraction = 2) BigDecimal amount,
            @NotNull @Pattern(regexp = "KZT") String currency, @Size(max = 60) String reference) {
    }

    public List<CopyReference> copiesOrEmpty() {
        return copies == null ? List.of() : copies;
    }

    public Map<String, String> fieldsOrEmpty() {
        return fields == null ? Map.of() : fields;
    }
}
