package kz.gfc.consent.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import kz.gfc.consent.domain.ConsentTerms;
import kz.gfc.kit.iin.Iin;

/** Request bodies that carry consent terms; scopes are checked against the scope table by the service. */
final class Terms {

    static final String RECIPIENT = "^[A-Z][A-Z0-9_-]{1,39}$";
    static final String PURPOSE = "^[A-Za-z0-9][A-Za-z0-9._-]{0,59}$";
    static final String SCOPE = "^[A-Z][A-Z0-9_]{1,39}$";

    private Terms() {
    }

    /** A consent a citizen gives in the app, for themselves. */
    public record NewConsent(
            @NotBlank @Pattern(regexp = RECIPIENT) String recipient,
            @NotEmpty @Size(max = 10) List<@NotNull @Pattern(regexp = SCOPE) String> scopes,
            @NotBlank @Pattern(regexp = PURPOSE) String purpose,
            Instant validUntil,
            LocalDate dataFrom,
            LocalDate dataTo,
            @Pattern(regexp = "^P[0-9YMWD]{1,18}$") String retention,
            @Min(1) @Max(10_000) Integer fetchLimit,
            @Schema(description = "With fetchLimit: at most fetchLimit allowed checks per calendar DAY, MONTH or YEAR"
                    + " in Asia/Almaty time (a day starts at 00:00 Almaty, a month on its 1st, a year on 1 January)")
            @Pattern(regexp = "^(DAY|MONTH|YEAR)$") String fetchPeriod,
            @Pattern(regexp = "^(kk|ru)$") String language) {

        ConsentTerms terms() {
            return new ConsentTerms(recipient, scopes, purpose, validUntil, dataFrom, dataTo, retention, fetchLimit,
                    fetchPeriod, language);
        }
    }

    /** A consent asked for on the subject's behalf: the subject's IIN and phone, in the body, never in a URL. */
    public record NewRequest(
            @NotNull Iin subject,
            @NotBlank @Pattern(regexp = "^\\+7\\d{10}$") String phone,
            @NotBlank @Pattern(regexp = RECIPIENT) String recipient,
            @NotEmpty @Size(max = 10) List<@NotNull @Pattern(regexp = SCOPE) String> scopes,
            @NotBlank @Pattern(regexp = PURPOSE) String purpose,
            Instant validUntil,
            LocalDate dataFrom,
            LocalDate dataTo,
            @Pattern(regexp = "^P[0-9YMWD]{1,18}$") String retention,
            @Min(1) @Max(10_000) Integer fetchLimit,
            @Schema(description = "With fetchLimit: at most fetchLimit allowed checks per calendar DAY, MONTH or YEAR"
                    + " in Asia/Almaty time (a day starts at 00:00 Almaty, a month on its 1st, a year on 1 January)")
            @Pattern(regexp = "^(DAY|MONTH|YEAR)$") String fetchPeriod,
            @Pattern(regexp = "^(kk|ru)$") String language) {

        ConsentTerms terms() {
            return new ConsentTerms(recipient, scopes, purpose, validUntil, dataFrom, dataTo, retention, fetchLimit,
                    fetchPeriod, language);
        }
    }

    /**
     * A consent the subject signs at the window with their own EDS: the terms and the subject's
     * IIN, and {@code signature}, a detached CMS made by the subject over the RFC 8785 canonical
     * JSON of this body without its {@code signature} member.
     */
    public record InPerson(
            @NotNull Iin subject,
            @NotBlank @Pattern(regexp = RECIPIENT) String recipient,
            @NotEmpty @Size(max = 10) List<@NotNull @Pattern(regexp = SCOPE) String> scopes,
            @NotBlank @Pattern(regexp = PURPOSE) String purpose,
            Instant validUntil,
            LocalDate dataFrom,
            LocalDate dataTo,
            @Pattern(regexp = "^P[0-9YMWD]{1,18}$") String retention,
            @Min(1) @Max(10_000) Integer fetchLimit,
            @Schema(description = "With fetchLimit: at most fetchLimit allowed checks per calendar DAY, MONTH or YEAR"
                    + " in Asia/Almaty time (a day starts at 00:00 Almaty, a month on its 1st, a year on 1 January)")
            @Pattern(regexp = "^(DAY|MONTH|YEAR)$") String fetchPeriod,
            @Pattern(regexp = "^(kk|ru)$") String language,
            @Schema(description = "Base64 of a detached CMS SignedData by the subject's НУЦ SIGN certificate over the"
                    + " RFC 8785 canonical JSON of this body without `signature`") String signature) {

        ConsentTerms terms() {
            return new ConsentTerms(recipient, scopes, purpose, validUntil, dataFrom, dataTo, retention, fetchLimit,
                    fetchPeriod, language);
        }
    }

    public record Confirm(@NotNull @Pattern(regexp = "^\\d{6}$") String code) {
    }

    public record Check(
            @NotNull Iin subject,
            @NotBlank @Pattern(regexp = RECIPIENT) String recipient,
            @NotBlank @Pattern(regexp = SCOPE) String scope,
            @NotBlank @Pattern(regexp = PURPOSE) String purpose) {
    }
}
