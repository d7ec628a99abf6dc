package kz.gfc.intake.domain.application;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import kz.gfc.intake.domain.OperatorSignatures;
import kz.gfc.intake.domain.Receipt;
import kz.gfc.intake.domain.SignedContent;
import kz.gfc.intake.domain.catalogue.Catalogue;
import kz.gfc.intake.domain.catalogue.FeeSchedule;
import kz.gfc.intake.domain.catalogue.ServiceDefinition;
import kz.gfc.intake.domain.application.ApplicationForm.ApplicantKind;
import kz.gfc.kit.events.Outbox;
import kz.gfc.kit.iin.Iin;
import kz.gfc.kit.iin.IinCipher;
import kz.gfc.kit.iin.Pseudonymizer;
import kz.gfc.kit.problem.Problem;
import kz.gfc.kit.problem.ProblemException;
import kz.gfc.kit.problem.Text;

/**
 * Takes an application at a window: checks it is well-formed and signed (422, nothing stored,
 * otherwise), then decides — accepted with a ready date, or refused naming every missing
 * document, mandatory field and the fee shortfall (R15.1–R15.6, R22) — records the outcome
 * with its event, and forwards an accepted one to the provider once the applicant's consent
 * allows (R7/R8).
 */
@ApplicationScoped
public class IntakeService {

    public static final ZoneId KAZAKHSTAN = ZoneId.of("Asia/Almaty");
    private static final Pattern PHONE = Pattern.compile("\\+7\\d{10}");
    private static final Pattern IBAN = Pattern.compile("KZ\\d{2}[A-Z0-9]{16}");

    /** The operator at the window, from the token. */
    public record Operator(String subject, String name, Iin iin, Set<String> branches) {
    }

    private final Catalogue catalogue;
    private final FeeSchedule fees;
    private final ReadyDateCalculator readyDates;
    private final PopulationRegister register;
    private final Forwarding forwarding;
    private final CertifiedCopies copies;
    private final OperatorSignatures signatures;
    private final IinCipher cipher;
    private final Pseudonymizer pseudonyms;
    private final Outbox outbox;
    private final ObjectMapper json;
    private final Validator validator;
    private final Clock clock;
    private final EntityManager em;

    public IntakeService(Catalogue catalogue, FeeSchedule fees, ReadyDateCalculator readyDates, PopulationRegister register,
            Forwarding forwarding, CertifiedCopies copies, OperatorSignatures signatures, IinCipher cipher, Pseudonymizer pseudonyms, Outbox outbox,
            ObjectMapper json, Validator validator, Clock clock, EntityManager em) {
        this.catalogue = catalogue;
        this.fees = fees;
        this.readyDates = readyDates;
        this.register = register;
        this.forwarding = forwarding;
        this.copies = copies;
        this.signatures = signatures;
        this.cipher = cipher;
        this.pseudonyms = pseudonyms;
        this.outbox = outbox;
        this.json = json;
        this.validator = validator;
        this.clock = clock;
        this.em = em;
    }

    public Application submit(ApplicationForm form, SignedContent signed, Operator operator) {
        Set<ConstraintViolation<ApplicationForm>> violations = validator.validate(form);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        if (!operator.branches().contains(form.branch())) {
            throw ProblemException.forbidden("the operator does not work at branch " + form.branch());
        }
        int version = catalogue.currentVersion();
        ServiceDefinition service = catalogue.find(version, form.serviceCode()).orElseThrow(() -> invalid("unknown-service",
                "serviceCode", "no such service in the catalogue",
                Text.of("Мұндай қызмет тізілімде жоқ", "Такой услуги нет в реестре")));
        String provider = provider(service, form);
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, KAZAKHSTAN);
        checkWhoApplies(form.appliedBy(), today);
        checkIdentity(form.identityCheck());
        checkDocumentsKnown(service, form);
        checkFields(service, form.fieldsOrEmpty());
        checkPayment(form.payment());
        signatures.verify(signed.bytes(), form.signature(), operator.iin());
        if (!form.copiesOrEmpty().isEmpty() && !service.certifiedCopy()) {
            throw invalid("copies-not-provided-for", "copies", "the service's act provides for no certified copies",
                    Text.of("Бұл қызмет үшін куәландырылған көшірме жасалмайды", "Для этой услуги заверенные копии не делаются"));
        }
        Set<String> documentCodes = new HashSet<>();
        service.documents().forEach(d -> documentCodes.add(d.code()));
        List<UUID> copyIds = copies.named(form.copiesOrEmpty(), operator.subject(), documentCodes).stream()
                .map(c -> c.id).toList();

        Application a = new Application();
        a.id = UUID.randomUUID();
        a.catalogueVersion = version;
        a.serviceCode = service.code();
        a.serviceKind = service.kind().name();
        a.provider = provider;
        a.addressee = service.isAppeal() ? provider : null;
        a.branchCode = form.branch();
        a.ticketId = form.ticketId();
        a.language = form.language();
        Iin applicant = form.applicant().iin();
        a.applicantIin = cipher.encrypt(applicant, Application.APPLICANT_IIN_PURPOSE);
        a.applicantPseudonym = pseudonyms.pseudonym(applicant);
        a.applicantPhone = form.applicant().phone();
        a.appliedBy = form.appliedBy().kind().name();
        if (form.appliedBy().kind() != ApplicantKind.SELF) {
            ApplicationForm.Representative r = form.appliedBy().representative();
            a.representativeIin = cipher.encrypt(r.iin(), Application.REPRESENTATIVE_IIN_PURPOSE);
            a.representativePseudonym = pseudonyms.pseudonym(r.iin());
            a.representativeName = r.fullName();
            a.representativeAuthority = r.authority();
        }
        if (form.appliedBy().kind() == ApplicantKind.TRUSTEE) {
            ApplicationForm.PowerOfAttorney poa = form.appliedBy().powerOfAttorney();
            a.poaNumber = poa.number();
            a.poaDate = poa.date();
            a.poaNotary = poa.notary();
            a.poaValidUntil = poa.validUntil();
        }
        a.identityMethod = form.identityCheck().method().name();
        a.identityReference = form.identityCheck().reference();
        a.delivery = service.delivery().name();
        a.resultKind = service.resultKind().name();
        a.retentionClass = service.retentionClass().name();
        a.signature = form.signature();
        a.signedContentSha256 = signed.sha256();
        a.operatorId = operator.subject();
        a.operatorName = operator.name();
        a.receivedAt = now;

        // R7/R15.4: what the register knows is taken from it, and each datum names its source
        Map<String, String> sources = new LinkedHashMap<>();
        // a pre-filled service takes the register's data over what was typed (R15.4); others take
        // what the operator entered and fall back on the register
        Optional<PopulationRegister.Person> person = register.find(applicant).filter(p -> p.fullName() != null);
        String entered = form.applicant().fullName() == null || form.applicant().fullName().isBlank() ? null
                : form.applicant().fullName().strip();
        if (person.isPresent() && (service.prefilledFromIS() || entered == null)) {
            a.applicantName = person.get().fullName();
            sources.put("applicant.fullName", PopulationRegister.SYSTEM);
            sources.put("applicant.birthDate", PopulationRegister.SYSTEM);
        } else if (entered != null) {
            a.applicantName = entered;
            sources.put("applicant.fullName", "OPERATOR");
        }
        if (a.applicantPhone != null) {
            sources.put("applicant.phone", "APPLICANT");
        }

        // R15.1, R15.6, R22: what is missing; never what an information system holds
        Set<String> presented = new HashSet<>();
        List<Receipt.DocumentLine> accepted = new ArrayList<>();
        Map<String, ServiceDefinition.RequiredDocument> byCode = new LinkedHashMap<>();
        service.documents().forEach(d -> byCode.put(d.code(), d));
        for (ApplicationForm.PresentedDocument p : form.documents()) {
            if (presented.add(p.code())) {
                ServiceDefinition.RequiredDocument d = byCode.get(p.code());
                accepted.add(new Receipt.DocumentLine(d.code(), d.nameKk(), d.nameRu(), p.form().name(), null));
            }
        }
        List<Receipt.DocumentLine> missingDocuments = new ArrayList<>();
        for (ServiceDefinition.RequiredDocument d : service.documents()) {
            if (d.obtainableFromIS()) {
                if (!presented.contains(d.code())) {
                    accepted.add(new Receipt.DocumentLine(d.code(), d.nameKk(), d.nameRu(), "FROM_IS", d.informationSystem()));
                    sources.put("document." + d.code(), d.informationSystem() == null ? "INFORMATION_SYSTEM" : d.informationSystem());
                }
            } else if (d.mandatory() && !presented.contains(d.code())) {
                missingDocuments.add(new Receipt.DocumentLine(d.code(), d.nameKk(), d.nameRu(), null, null));
            }
        }
        List<Receipt.FieldLine> missingFields = new ArrayList<>();
        if (a.applicantName == null) {
            missingFields.add(new Receipt.FieldLine("applicant.fullName", "Өтініш берушінің аты-жөні", "ФИО заявителя"));
        }
        for (ServiceDefinition.FormField f : service.fields()) {
            String v = form.fieldsOrEmpty().get(f.name());
            if (f.mandatory() && (v == null || v.isBlank())) {
                missingFields.add(new Receipt.FieldLine(f.name(), f.labelKk(), f.labelRu()));
            }
        }
        form.fieldsOrEmpty().keySet().forEach(k -> sources.putIfAbsent("fields." + k, "OPERATOR"));

        // R15.3: the fee due on the day, against the payment shown
        a.feeDue = fees.due(service, today);
        a.paidAmount = form.payment() == null ? null : form.payment().amount();
        a.paymentReference = form.payment() == null ? null : form.payment().reference();
        BigDecimal paid = a.paidAmount == null ? BigDecimal.ZERO : a.paidAmount;
        a.feeShortfall = a.feeDue.compareTo(paid) > 0 ? a.feeDue.subtract(paid) : null;

        a.acceptedDocuments = write(accepted);
        a.missingDocuments = write(missingDocuments);
        a.missingFields = write(missingFields);
        a.formFields = write(form.fieldsOrEmpty());
        a.dataSources = write(sources);
        boolean complete = missingDocuments.isEmpty() && missingFields.isEmpty() && a.feeShortfall == null;
        if (complete) {
            a.readyDate = readyDates.readyDate(today, service);
        }
        // asked before the transaction, so a slow consent-service holds no database connection
        Optional<Forwarding.Clearance> clearance = complete ? forwarding.clearance(applicant, a.provider, service) : Optional.empty();

        return QuarkusTransaction.requiringNew().call(() -> {
            a.receiptNumber = receiptNumber(a.branchCode, today);
            var decided = complete ? a.accept(now)
                    : a.reject(now, missingDocuments.stream().map(Receipt.DocumentLine::code).toList(),
                            missingFields.stream().map(Receipt.FieldLine::name).toList());
            a.persist();
            bindCopies(a, copyIds);
            outbox.publish(decided);
            if (complete) {
                clearance.ifPresent(c -> forwarding.forward(a, applicant, service, c, now));
            }
            return a;
        });
    }

    /** The application is flushed first: the copies refer to it. Each copy is bound once, whoever races for it. */
    private void bindCopies(Application a, List<UUID> copyIds) {
        if (copyIds.isEmpty()) {
            return;
        }
        em.flush();
        int bound = em.createQuery("update CertifiedCopy c set c.applicationId = ?1 where c.id in ?2 and c.applicationId is null")
                .setParameter(1, a.id).setParameter(2, copyIds).executeUpdate();
        if (bound != copyIds.size()) {
            throw ProblemException.conflict("copy-already-attached", "a certified copy was attached to another application meanwhile",
                    Text.of("Көшірме басқа өтінішке тіркелген", "Копия уже приложена к другому заявлению"));
        }
    }

    private String receiptNumber(String branch, LocalDate day) {
        long n = ((Number) em.createNativeQuery("SELECT nextval('receipt_number_seq')").getSingleResult()).longValue();
        return branch + "-" + day.format(DateTimeFormatter.BASIC_ISO_DATE) + "-" + String.format("%06d", n % 1_000_000);
    }

    /** R13: an appeal goes to the body the applicant names, among those the catalogue allows. */
    private static String provider(ServiceDefinition service, ApplicationForm form) {
        if (!service.isAppeal()) {
            if (form.addressee() != null) {
                throw invalid("validation", "addressee", "only an appeal names an addressee",
                        Text.of("Адресатты тек шағым көрсетеді", "Адресата указывает только обращение"));
            }
            return service.provider();
        }
        if (form.addressee() == null || !service.addressees().contains(form.addressee())) {
            throw invalid("appeal-addressee-invalid", "addressee", "an appeal names one of " + service.addressees(),
                    Text.of("Өтініш қай органға жолданатынын көрсетіңіз", "Укажите орган, которому адресовано обращение"));
        }
        return form.addressee();
    }

    /** R14: a representative proves their authority; a trustee shows a notarised power of attorney in force. */
    private static void checkWhoApplies(ApplicationForm.AppliedBy by, LocalDate today) {
        if (by.kind() == ApplicantKind.SELF) {
            return;
        }
        if (by.representative() == null) {
            throw invalid("representative-missing", "appliedBy.representative", "a representative names themself",
                    Text.of("Өкілдің деректері көрсетілмеген", "Не указаны данные представителя"));
        }
        if (by.kind() == ApplicantKind.LEGAL_REPRESENTATIVE) {
            if (by.representative().authority() == null || by.representative().authority().isBlank()) {
                throw invalid("representative-authority-missing", "appliedBy.representative.authority",
                        "a legal representative shows the document of their authority",
                        Text.of("Заңды өкілдің өкілеттігін растайтын құжат көрсетілмеген",
                                "Не указан документ, подтверждающий полномочия законного представителя"));
            }
            return;
        }
        ApplicationForm.PowerOfAttorney poa = by.powerOfAttorney();
        Text message = Text.of("Сенімхат жоқ немесе жарамсыз", "Доверенность отсутствует или недействительна");
        if (poa == null) {
            throw invalid("power-of-attorney-invalid", "appliedBy.powerOfAttorney", "a trustee shows a notarised power of attorney", message);
        }
        if (poa.date().isAfter(today)) {
            throw invalid("power-of-attorney-invalid", "appliedBy.powerOfAttorney.date", "the power of attorney is dated in the future", message);
        }
        if (poa.validUntil().isBefore(today)) {
            throw invalid("power-of-attorney-invalid", "appliedBy.powerOfAttorney.validUntil", "the power of attorney has expired", message);
        }
    }

    /** R15.2: the person at the window was identified, and it matched. */
    private static void checkIdentity(ApplicationForm.IdentityCheck check) {
        if (!Boolean.TRUE.equals(check.confirmed())) {
            throw invalid("identity-not-confirmed", "identityCheck.confirmed", "the person's identity was not confirmed",
                    Text.of("Тұлғаның жеке басы расталмады", "Личность не подтверждена"));
        }
    }

    private static void checkDocumentsKnown(ServiceDefinition service, ApplicationForm form) {
        Set<String> known = new HashSet<>();
        service.documents().forEach(d -> known.add(d.code()));
        for (ApplicationForm.PresentedDocument p : form.documents()) {
            if (!known.contains(p.code())) {
                throw invalid("unknown-document", "documents", "document " + p.code() + " is not one this service takes",
                        Text.of("Бұл құжат осы қызметке қажет емес", "Этот документ не относится к услуге"));
            }
        }
    }

    /** Every field the form sends is one of the service's, with a value of its type. */
    private static void checkFields(ServiceDefinition service, Map<String, String> fields) {
        Map<String, ServiceDefinition.FormField> byName = new LinkedHashMap<>();
        service.fields().forEach(f -> byName.put(f.name(), f));
        Text wrong = Text.of("Өріс дұрыс толтырылмаған", "Поле заполнено неверно");
        for (Map.Entry<String, String> e : fields.entrySet()) {
            ServiceDefinition.FormField f = byName.get(e.getKey());
            if (f == null) {
                throw invalid("unknown-field", "fields." + e.getKey(), "the service has no such field", wrong);
            }
            String v = e.getValue();
            if (v == null || v.isBlank()) {
                continue;
            }
            if (!fits(f.type(), v.strip())) {
                throw invalid("validation", "fields." + e.getKey(), "not a value of type " + f.type(), wrong);
            }
        }
    }

    static boolean fits(ServiceDefinition.FieldType type, String v) {
        switch (type) {
            case STRING:
                return v.length() <= 500;
            case TEXT:
                return v.length() <= 4000;
            case NUMBER:
                try {
                    new BigDecimal(v);
                    return v.length() <= 30;
                } catch (NumberFormatException e) {
                    return false;
                }
            case DATE:
                try {
                    LocalDate.parse(v);
                    return true;
                } catch (DateTimeParseException e) {
                    return false;
                }
            case BOOLEAN:
                return v.equals("true") || v.equals("false");
            case PHONE:
                return PHONE.matcher(v).matches();
            case IBAN:
                return IBAN.matcher(v).matches();
            default:
                return false;
        }
    }

    private static void checkPayment(ApplicationForm.Payment payment) {
        if (payment != null && payment.amount().signum() > 0 && (payment.reference() == null || payment.reference().isBlank())) {
            throw invalid("validation", "payment.reference", "a payment names its document's reference",
                    Text.of("Төлем құжатының нөмірі көрсетілмеген", "Не указан номер платёжного документа"));
        }
    }

    static ProblemException invalid(String code, String field, String detail, Text message) {
        return ProblemException.unprocessable(code, detail, message, new Problem.FieldError(field, detail));
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
