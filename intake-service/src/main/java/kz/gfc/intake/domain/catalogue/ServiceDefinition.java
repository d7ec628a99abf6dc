package kz.gfc.intake.domain.catalogue;

import java.math.BigDecimal;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One service of the state Registry of public services (R4) with the parameters its own
 * normative act sets (R5): documents, form fields, term, fee, delivery to the provider,
 * result and retention. It is data — an entry of {@code catalogue/catalogue-v*.json} or an
 * admin's edit — and intake decides by it, never by code written per service.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = false)
public record ServiceDefinition(
        @NotBlank @Pattern(regexp = "[A-Z][A-Z0-9_]{1,39}") String code,
        @NotBlank @Size(max = 300) String nameKk,
        @NotBlank @Size(max = 300) String nameRu,
        /** The state body that decides; null for an appeal, whose applicant names the addressee. */
        @Pattern(regexp = "[A-Z]{2,20}") String provider,
        @NotNull ServiceKind kind,
        /** R13: the bodies an appeal may be addressed to. */
        List<@Pattern(regexp = "[A-Z]{2,20}") String> addressees,
        @NotNull List<@Valid RequiredDocument> documents,
        @NotNull List<@Valid FormField> fields,
        @NotNull @Min(0) @Max(365) Integer termWorkingDays,
        /** For services done while the applicant waits (e.g. 10 minutes); the ready date is then the day of acceptance. */
        @Min(1) @Max(600) Integer termMinutes,
        @Valid Fee fee,
        @NotNull Delivery delivery,
        /** R15.4: the information system fills the application; the operator enters no applicant data. */
        boolean prefilledFromIS,
        @NotNull ResultKind resultKind,
        @NotNull RetentionClass retentionClass,
        /** R7: the scopes of the applicant's consent the provider needs before the application is forwarded. */
        @NotNull List<@Pattern(regexp = "[A-Z_]{2,40}") String> consentScopes,
        /** R17: the operator makes certified electronic copies of the originals presented. */
        boolean certifiedCopy,
        @Size(max = 300) String basis,
        /** What the public sources did not confirm, so nobody mistakes a placeholder for a fact. */
        @Size(max = 500) String note) {

    public enum ServiceKind { SERVICE, APPEAL, ADDITIONAL }

    public enum Delivery { ELECTRONIC, PAPER }

    public enum ResultKind { ID_CARD, PASSPORT, CERTIFICATE, SOCIAL_PAYMENT_DECISION, ANSWER, OTHER }

    /** R20: how long issuance keeps an unclaimed result: one month, never returned, one year. */
    public enum RetentionClass { STANDARD, SOCIAL_EXEMPT, IDENTITY_DOCUMENT }

    public enum FieldType { STRING, TEXT, NUMBER, DATE, BOOLEAN, PHONE, IBAN }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record RequiredDocument(
            @NotBlank @Pattern(regexp = "[A-Z][A-Z0-9_]{1,39}") String code,
            @NotBlank @Size(max = 300) String nameKk,
            @NotBlank @Size(max = 300) String nameRu,
            /** False for a document needed only in some cases ("marriage certificate, if any"). */
            boolean mandatory,
            /** R22: taken from an information system, so never demanded from the applicant. */
            boolean obtainableFromIS,
            /** The information system it is taken from, when obtainableFromIS. */
            @Size(max = 100) String informationSystem,
            /** R22(2): the original is shown and handed back; no notarised copy is asked for. */
            boolean originalForVerification) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FormField(
            @NotBlank @Pattern(regexp = "[a-z][A-Za-z0-9]{0,39}") String name,
            @NotBlank @Size(max = 200) String labelKk,
            @NotBlank @Size(max = 200) String labelRu,
            @NotNull FieldType type,
            boolean mandatory) {
    }

    /** Either a sum in tenge or a multiple of the monthly calculation index (МРП); null or both zero: free. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Fee(@DecimalMin("0") BigDecimal tenge, @DecimalMin("0") BigDecimal mrp) {
    }

    public boolean isAppeal() {
        return kind == ServiceKind.APPEAL;
    }

    public List<String> consentScopesOrEmpty() {
        return consentScopes == null ? List.of() : consentScopes;
    }
}
