package kz.gfc.intake.api;

import java.math.BigDecimal;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import kz.gfc.intake.domain.catalogue.ServiceDefinition;
import kz.gfc.kit.problem.Language;

/** A catalogue entry as the public reads it, in the language asked for (R10, R16). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ServiceView(int catalogueVersion, String language, String code, String name, String nameKk, String nameRu,
        String provider, ServiceDefinition.ServiceKind kind, List<String> addressees, List<Document> documents,
        List<Field> fields, int termWorkingDays, Integer termMinutes, Fee fee, ServiceDefinition.Delivery delivery,
        boolean prefilledFromIS, ServiceDefinition.ResultKind resultKind, ServiceDefinition.RetentionClass retentionClass,
        List<String> consentScopes, boolean certifiedCopy, String basis, String note) {

    public record Document(String code, String name, boolean mandatory, boolean obtainableFromIS, String informationSystem,
            boolean originalForVerification) {
    }

    public record Field(String name, String label, ServiceDefinition.FieldType type, boolean mandatory) {
    }

    /** The fee as the act sets it, and what it comes to in tenge today. */
    public record Fee(BigDecimal tenge, BigDecimal mrp, BigDecimal dueToday) {
    }

    public static ServiceView of(int version, ServiceDefinition s, Language lang, BigDecimal dueToday) {
        boolean kk = lang == Language.KK;
        return new ServiceView(version, lang.code(), s.code(), kk ? s.nameKk() : s.nameRu(), s.nameKk(), s.nameRu(),
                s.provider(), s.kind(), s.addressees(),
                s.documents().stream().map(d -> new Document(d.code(), kk ? d.nameKk() : d.nameRu(), d.mandatory(),
                        d.obtainableFromIS(), d.informationSystem(), d.originalForVerification())).toList(),
                s.fields().stream().map(f -> new Field(f.name(), kk ? f.labelKk() : f.labelRu(), f.type(), f.mandatory()))
                        .toList(),
                s.termWorkingDays(), s.termMinutes(),
                new Fee(s.fee() == null ? null : s.fee().tenge(), s.fee() == null ? null : s.fee().mrp(), dueToday),
                s.delivery(), s.prefilledFromIS(), s.resultKind(), s.retentionClass(), s.consentScopesOrEmpty(),
                s.certifiedCopy(), s.basis(), s.note());
    }
}
