package kz.gfc.issuance.domain;

import java.time.LocalDate;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import kz.gfc.kit.iin.Iin;

/**
 * What the desk operator records when handing a result over (R19): who takes it, the identity
 * document shown (an ID card, a passport, or a digital document from the digital documents
 * service) and, for a representative, the power of attorney. The IINs are only compared by
 * pseudonym and never stored.
 */
public record IssueCommand(
        @NotNull Recipient recipient,
        @NotNull @Valid IdentityShown identity,
        @Valid PowerOfAttorney powerOfAttorney,
        @Min(1) @Max(999) Integer window) {

    public enum Recipient {
        SELF, REPRESENTATIVE
    }

    public enum IdentityDocument {
        ID_CARD, PASSPORT, DIGITAL_DOCUMENT
    }

    public record IdentityShown(
            @NotNull IdentityDocument type,
            @NotBlank @Size(max = 20) @Pattern(regexp = "[A-Za-z0-9]+") String number,
            @NotNull Iin iin) {
    }

    /** Доверенность / сенімхат: a document of authority under civil law. */
    public record PowerOfAttorney(
            @NotBlank @Size(max = 60) String number,
            @NotNull LocalDate date,
            @NotBlank @Size(max = 200) String notary,
            @NotNull LocalDate validUntil,
            @NotNull Iin representedIin) {
    }
}
