package kz.gfc.consent.domain;

import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.panache.common.Sort;
import kz.gfc.kit.eds.CmsSignatures;
import kz.gfc.kit.eds.SignerCertificate;
import kz.gfc.kit.events.Outbox;
import kz.gfc.kit.iin.Iin;
import kz.gfc.kit.iin.IinCipher;
import kz.gfc.kit.iin.Pseudonymizer;
import kz.gfc.kit.notify.Notification;
import kz.gfc.kit.notify.Notifications;
import kz.gfc.kit.problem.Problem;
import kz.gfc.kit.problem.ProblemException;
import kz.gfc.kit.problem.Text;

/** Giving, confirming, listing and withdrawing consents (R7, R8); the check itself is {@link ConsentCheck}. */
@ApplicationScoped
public class ConsentService {

    private static final Text REQUEST_USED = Text.of("Бұл сұрау бойынша келісім бұрын расталған",
            "Согласие по этому запросу уже подтверждено");
    private static final Text REQUEST_LOCKED = Text.of("Әрекеттер таусылды, жаңа сұрау жасаңыз",
            "Попытки исчерпаны, оформите новый запрос");
    private static final Text CODE_EXPIRED = Text.of("Кодтың мерзімі өтті, жаңа сұрау жасаңыз",
            "Срок действия кода истёк, оформите новый запрос");

    private static final Text NOT_SUBJECT = Text.of(
            "Келісімге оның субъектісі өз ЭЦҚ-сымен қол қоюы тиіс",
            "Согласие должно быть подписано ЭЦП самого субъекта данных");

    private static final Text SIGNATURE_USED = Text.of(
            "Бұл қолтаңба бойынша келісім бұрын берілген: субъект қайта қол қоюы тиіс",
            "По этой подписи согласие уже оформлено: субъект должен подписать заново");
    private static final Text SIGNATURE_STALE = Text.of(
            "Қолтаңба тым ерте қойылған немесе қол қою уақыты көрсетілмеген: субъект қайта қол қоюы тиіс",
            "Подпись поставлена слишком давно или без времени подписания: субъект должен подписать заново");
    /** A signer's desktop clock may run a little ahead of the server's. */
    private static final java.time.Duration SIGNING_CLOCK_SKEW = java.time.Duration.ofMinutes(5);

    private final ConsentConfig config;
    private final OneTimeCodes codes;
    private final IinCipher cipher;
    private final Pseudonymizer pseudonyms;
    private final Notifications notifications;
    private final Outbox outbox;
    private final Clock clock;
    private final EntityManager em;
    private final ObjectMapper json;
    private final CmsSignatures signatures;

    public ConsentService(ConsentConfig config, OneTimeCodes codes, IinCipher cipher, Pseudonymizer pseudonyms,
            Notifications notifications, Outbox outbox, Clock clock, EntityManager em, ObjectMapper json,
            CmsSignatures signatures) {
        this.signatures = signatures;
        this.config = config;
        this.codes = codes;
        this.cipher = cipher;
        this.pseudonyms = pseudonyms;
        this.notifications = notifications;
        this.outbox = outbox;
        this.clock = clock;
        this.em = em;
        this.json = json;
    }

    /** A pending request; the subject's phone gets the one-time code once it is stored. */
    @Transactional
    public ConsentRequest request(Iin subject, String phone, ConsentTerms asked, Accessor by) {
        Instant now = now();
        ConsentTerms terms = validate(asked, now);
        UUID id = UUID.randomUUID();
        ConsentRequest r = ConsentRequest.open(id, terms, cipher.encrypt(subject, ConsentRequest.IIN_PURPOSE),
                pseudonyms.pseudonym(subject), by.subject(), now, config.codeTtl());
        String code = codes.newCode();
        r.codeSalt = codes.newSalt();
        r.codeHash = codes.hash(id, r.codeSalt, code);
        r.persist();
        notifications.send(new Notification(phone, terms.language(), "consent-code",
                ConsentText.codeMessage(terms, scopeNames(terms), code, config.codeTtl().toMinutes())));
        return r;
    }

    /**
     * The subject's code turns the request into an active consent. A wrong code is counted
     * and committed (see {@link CodeRefused}); the row is locked so parallel guesses count too.
     */
    @Transactional(dontRollbackOn = CodeRefused.class)
    public Consent confirm(UUID requestId, String code, Accessor by) {
        ConsentRequest r = ConsentRequest.findById(requestId, LockModeType.PESSIMISTIC_WRITE);
        if (r == null) {
            throw ProblemException.notFound("consent request", requestId);
        }
        Instant now = now();
        if (r.status == ConsentRequest.Status.CONFIRMED) {
            throw ProblemException.unprocessable("request-used", "the request was confirmed already", REQUEST_USED);
        }
        if (r.status == ConsentRequest.Status.LOCKED) {
            throw ProblemException.unprocessable("code-attempts-exhausted", "no attempts are left", REQUEST_LOCKED);
        }
        if (!now.isBefore(r.codeExpiresAt)) {
            throw ProblemException.unprocessable("code-expired", "the code expired at " + r.codeExpiresAt, CODE_EXPIRED);
        }
        if (!codes.matches(r, code)) {
            throw new CodeRefused(r.wrongCode(config.codeAttempts()));
        }
        ConsentTerms terms = r.terms();
        if (!terms.validUntil().isAfter(now)) {
            throw ProblemException.unprocessable("validity-past", "the consent would already have run out",
                    Text.of("Келісім мерзімі өтіп кетті", "Срок согласия уже истёк"));
        }
        Iin subject = cipher.decrypt(r.subjectIin, ConsentRequest.IIN_PURPOSE);
        Consent c = Consent.grant(terms, cipher.encrypt(subject, Consent.IIN_PURPOSE), r.subjectPseudonym,
                ConsentChannel.SMS_OTP, config.legalBasis(), ConsentText.hash(ConsentText.statement(terms, scopeNames(terms))),
                r.requestedBy, evidence(Map.of("requestId", r.id.toString(), "requestedBy", r.requestedBy,
                        "confirmedBy", by.subject(), "organisation", by.organisation(), "codeSentAt", r.requestedAt.toString(),
                        "codeAttempts", r.attempts + 1, "textVersion", ConsentText.VERSION)),
                now);
        c.persist();
        r.confirmed(c.id);
        outbox.publish(c.granted());
        return c;
    }

    /** A citizen grants in the app, signed in as themselves: the subject is the token's IIN. */
    @Transactional
    public Consent grantInApp(Iin subject, ConsentTerms asked, Accessor by) {
        Instant now = now();
        ConsentTerms terms = validate(asked, now);
        Consent c = Consent.grant(terms, cipher.encrypt(subject, Consent.IIN_PURPOSE), pseudonyms.pseudonym(subject),
                ConsentChannel.MOBILE_APP, config.legalBasis(), ConsentText.hash(ConsentText.statement(terms, scopeNames(terms))),
                by.subject(), evidence(Map.of("tokenSubject", by.subject(), "client", by.organisation(),
                        "textVersion", ConsentText.VERSION)),
                now);
        c.persist();
        outbox.publish(c.granted());
        return c;
    }

    /**
     * The subject signs the consent at the window with their own EDS; an operator submits it.
     * The signature is checked by the kit (CMS over {@code signedContent}, certificate valid now
     * and when signed, chained to the trusted НУЦ authority, a SIGN key), and its certificate
     * must name the subject: an operator's or a relative's signature gives no consent.
     */
    @Transactional
    public Consent grantInPerson(Iin subject, ConsentTerms asked, byte[] signedContent, String signature, Accessor by) {
        Instant now = now();
        ConsentTerms terms = validate(asked, now);
        SignerCertificate signer = signatures.verify(signedContent, signature);
        if (!signer.isOf(subject)) {
            // neither IIN goes into the detail: both are personal data
            throw CmsSignatures.refuse("signer-not-subject",
                    "The certificate's SERIALNUMBER is not the IIN of the consent's subject", NOT_SUBJECT);
        }
        fresh(signer, now);
        if (Consent.count("signatureId", signer.signatureId()) > 0) {
            throw CmsSignatures.refuse("signature-used", "This signature has given a consent already", SIGNATURE_USED);
        }
        Map<String, Object> facts = new java.util.TreeMap<>();
        facts.put("certificateSerial", signer.serialNumber());
        facts.put("certificateIssuer", signer.issuer());
        facts.put("signingTime", signer.signingTime() == null ? "unstated" : signer.signingTime().toString());
        facts.put("signedContentSha256", ConsentText.hash(signedContent));
        facts.put("signatureId", signer.signatureId());
        facts.put("operator", by.subject());
        facts.put("organisation", by.organisation());
        facts.put("textVersion", ConsentText.VERSION);
        Consent c = Consent.grant(terms, cipher.encrypt(subject, Consent.IIN_PURPOSE), pseudonyms.pseudonym(subject),
                ConsentChannel.IN_PERSON_EDS, config.legalBasis(),
                ConsentText.hash(ConsentText.statement(terms, scopeNames(terms))), by.subject(), evidence(facts), now);
        // the unique index on it settles two submissions of one signature at the same moment
        c.signatureId = signer.signatureId();
        c.persist();
        outbox.publish(c.granted());
        return c;
    }

    /** Signed at the window just now: a signing time stated, not older than the allowed age, not ahead of the clock. */
    private void fresh(SignerCertificate signer, Instant now) {
        Instant signed = signer.signingTime();
        if (signed == null || signed.isBefore(now.minus(config.signatureMaxAge()))
                || signed.isAfter(now.plus(SIGNING_CLOCK_SKEW))) {
            throw CmsSignatures.refuse("signature-stale", "The signature states no signing time within the last "
                    + config.signatureMaxAge().toMinutes() + " minutes", SIGNATURE_STALE);
        }
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Consent> mine(Iin subject) {
        return Consent.list("subjectPseudonym", Sort.by("grantedAt").descending(), pseudonyms.pseudonym(subject));
    }

    /** The subject's own consent, or 404 — someone else's is indistinguishable from none. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Consent own(Iin subject, UUID id) {
        Consent c = Consent.findById(id);
        if (c == null || !c.subjectPseudonym.equals(pseudonyms.pseudonym(subject))) {
            throw ProblemException.notFound("consent", id);
        }
        return c;
    }

    @Transactional
    public Consent revoke(Iin subject, UUID id) {
        Consent c = Consent.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (c == null || !c.subjectPseudonym.equals(pseudonyms.pseudonym(subject))) {
            throw ProblemException.notFound("consent", id);
        }
        outbox.publish(c.revoke(now()));
        return c;
    }

    /** How often the consent has been used, and when last: read from the access log, which is the use record. */
    public record UseRecord(long count, Instant lastUsedAt) {
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public UseRecord useRecord(UUID consentId) {
        Object[] row = (Object[]) em.createQuery(
                "select count(a), max(a.accessedAt) from AccessLogEntry a where a.consentId = ?1")
                .setParameter(1, consentId).getSingleResult();
        return new UseRecord(((Number) row[0]).longValue(), (Instant) row[1]);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<AccessLogEntry> accessLog(Iin subject, UUID consentId) {
        String pseudonym = pseudonyms.pseudonym(subject);
        if (consentId == null) {
            return AccessLogEntry.list("subjectPseudonym", Sort.by("accessedAt").descending().and("id", Sort.Direction.Descending),
                    pseudonym);
        }
        return AccessLogEntry.list("subjectPseudonym = ?1 and consentId = ?2",
                Sort.by("accessedAt").descending().and("id", Sort.Direction.Descending), pseudonym, consentId);
    }

    /**
     * PostgreSQL keeps microseconds and rounds the rest, so a code's expiry read back could
     * land a few hundred nanoseconds later than the one computed: every instant stored here is
     * cut to microseconds first.
     */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    public List<String> scopeNames(ConsentTerms terms) {
        Map<String, ConsentScope> known = scopes();
        return terms.scopes().stream().map(s -> known.get(s).name(terms.language())).toList();
    }

    private Map<String, ConsentScope> scopes() {
        return ConsentScope.<ConsentScope>listAll().stream().collect(Collectors.toMap(s -> s.code, Function.identity()));
    }

    /**
     * The terms as given, checked against the scopes on record and the validity allowed; a
     * missing validity gets the default. Anything wrong is a 422 naming the field, before
     * anything is written.
     */
    ConsentTerms validate(ConsentTerms t, Instant now) {
        List<Problem.FieldError> errors = new ArrayList<>();
        Map<String, ConsentScope> known = scopes();
        TreeSet<String> scopes = new TreeSet<>(t.scopes());
        for (String s : scopes) {
            if (!known.containsKey(s)) {
                errors.add(new Problem.FieldError("scopes", "unknown scope " + s));
            }
        }
        Instant validUntil = t.validUntil() != null ? t.validUntil() : now.plus(config.defaultValidity());
        if (!validUntil.isAfter(now)) {
            errors.add(new Problem.FieldError("validUntil", "must be in the future"));
        } else if (validUntil.isAfter(now.plus(config.maxValidity()))) {
            errors.add(new Problem.FieldError("validUntil", "must be at most " + config.maxValidity().toDays() + " days ahead"));
        }
        if (t.dataFrom() != null && t.dataTo() != null && t.dataFrom().isAfter(t.dataTo())) {
            errors.add(new Problem.FieldError("dataTo", "must not be before dataFrom"));
        }
        if (t.retention() != null) {
            try {
                Period p = Period.parse(t.retention());
                if (p.isNegative() || p.isZero()) {
                    errors.add(new Problem.FieldError("retention", "must be a positive ISO-8601 period"));
                }
            } catch (DateTimeParseException e) {
                errors.add(new Problem.FieldError("retention", "must be an ISO-8601 period such as P30D"));
            }
        }
        if ((t.fetchLimit() == null) != (t.fetchPeriod() == null)) {
            errors.add(new Problem.FieldError("fetchPeriod", "fetchLimit and fetchPeriod go together"));
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(422, "validation", "Unprocessable request",
                    errors.stream().map(e -> e.field() + ": " + e.message()).collect(Collectors.joining("; ")),
                    Text.of("Келісім шарттары дұрыс толтырылмаған", "Условия согласия заполнены неверно"), errors);
        }
        return new ConsentTerms(t.recipient(), List.copyOf(scopes), t.purpose(), validUntil, t.dataFrom(), t.dataTo(),
                t.retention(), t.fetchLimit(), t.fetchPeriod(), "kk".equals(t.language()) ? "kk" : "ru");
    }

    private String evidence(Map<String, Object> facts) {
        try {
            return json.writeValueAsString(new java.util.TreeMap<>(facts));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("evidence not serialisable", e);
        }
    }
}
