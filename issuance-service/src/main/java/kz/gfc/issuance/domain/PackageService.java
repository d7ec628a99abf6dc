package kz.gfc.issuance.domain;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import kz.gfc.issuance.events.ApplicationAccepted;
import kz.gfc.issuance.events.DocumentIssued;
import kz.gfc.issuance.events.DocumentReady;
import kz.gfc.issuance.events.DocumentReturned;
import kz.gfc.issuance.events.PackageMoved;
import kz.gfc.kit.events.Outbox;
import kz.gfc.kit.iin.Iin;
import kz.gfc.kit.iin.Pseudonymizer;
import kz.gfc.kit.problem.Problem;
import kz.gfc.kit.problem.ProblemException;
import kz.gfc.kit.problem.Text;

/** The package use cases: each loads and locks the aggregate, lets it move, and publishes what it built. */
@ApplicationScoped
public class PackageService {

    private final EntityManager em;
    private final Outbox outbox;
    private final Clock clock;
    private final Pseudonymizer pseudonyms;
    private final IssuanceConfig config;

    PackageService(EntityManager em, Outbox outbox, Clock clock, Pseudonymizer pseudonyms, IssuanceConfig config) {
        this.em = em;
        this.outbox = outbox;
        this.clock = clock;
        this.pseudonyms = pseudonyms;
        this.config = config;
    }

    /** Opens the package of an accepted application; a second event for the same application changes nothing. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<DocumentPackage> register(ApplicationAccepted a, UUID applicationId, RetentionClass retention,
            Delivery delivery) {
        if (DocumentPackage.count("applicationId", applicationId) > 0) {
            return Optional.empty();
        }
        long number = ((Number) em.createNativeQuery("SELECT nextval('package_number_seq')").getSingleResult())
                .longValue();
        DocumentPackage p = DocumentPackage.register(Barcode.of(number), applicationId, a.receiptNumber(),
                a.serviceCode(), a.provider(), a.branchCode(), a.resultKind(), retention, a.applicantPseudonym(),
                a.language(), delivery, a.readyDate(), now());
        p.persist();
        return Optional.of(p);
    }

    /** A barcode scan by staff of the package's branch (R15.9). */
    @Transactional
    public DocumentPackage scan(String barcode, Movement scan, Integer window, Actor actor) {
        if (!Movement.SCANS.contains(scan)) {
            throw ProblemException.unprocessable("not-a-scan", scan + " is not a scan",
                    Text.of("Мұндай сканерлеу жоқ", "Такого сканирования нет"),
                    new Problem.FieldError("scan", "one of " + Movement.SCANS));
        }
        if (scan == Movement.TO_ISSUANCE_DESK && window == null) {
            throw ProblemException.unprocessable("window-required", "the issuance desk's window is required",
                    Text.of("Беру терезесін көрсетіңіз", "Укажите окно выдачи"),
                    new Problem.FieldError("window", "required for " + scan));
        }
        DocumentPackage p = lock(barcode);
        requireStaffOf(p, actor);
        DocumentPackage.Moved m = p.move(scan, window, actor.subject(), now());
        publish(p, m);
        return p;
    }

    /** An electronic result from the provider's system (R26); only the package's own provider may send it. */
    @Transactional
    public DocumentPackage receiveResult(String barcode, String title, String documentNumber, LocalDate issuedOn,
            ResultFile file, Actor actor) {
        DocumentPackage p = lock(barcode);
        if (actor.provider().isEmpty() || !actor.provider().get().equals(p.provider)) {
            throw ProblemException.notFound("package", barcode);
        }
        if (p.delivery == Delivery.PAPER) {
            throw ProblemException.conflict("paper-delivery",
                    "package " + barcode + " is delivered on paper: its result arrives by scan",
                    Text.of("Бұл пакет қағаз түрінде жеткізіледі", "Этот пакет доставляется на бумаге"))
                    .with("currentStatus", p.status.name());
        }
        String type = null;
        String sha = null;
        if (file != null) {
            if (file.bytes().length > config.resultMaxBytes()) {
                throw ProblemException.unprocessable("result-file-too-large",
                        "the file is larger than " + config.resultMaxBytes() + " bytes",
                        Text.of("Файл тым үлкен", "Файл слишком большой"), new Problem.FieldError("file", "too large"));
            }
            type = file.detectedType().orElseThrow(() -> ProblemException.unprocessable("result-file-type",
                    "only PDF, PNG or JPEG files are accepted",
                    Text.of("Тек PDF, PNG немесе JPEG файлы қабылданады", "Принимаются только файлы PDF, PNG или JPEG"),
                    new Problem.FieldError("file", "not PDF, PNG or JPEG")));
            sha = sha256(file.bytes());
        }
        DocumentPackage.Moved m = p.move(Movement.ELECTRONIC_RESULT, null, actor.subject(), now());
        ProviderResult r = new ProviderResult();
        r.packageId = p.id;
        r.provider = p.provider;
        r.title = title;
        r.documentNumber = documentNumber;
        r.issuedOn = issuedOn;
        r.receivedAt = m.entry().at;
        r.receivedBy = actor.subject();
        if (file != null) {
            r.file = file.bytes();
            r.fileSize = file.bytes().length;
            r.fileType = type;
            r.fileSha256 = sha;
        }
        r.persist();
        publish(p, m);
        return p;
    }

    /** The barcode of an application's package, for its own provider only: anyone else learns nothing (404). */
    @Transactional
    public String barcodeOf(UUID applicationId, Actor actor) {
        return DocumentPackage.<DocumentPackage>find("applicationId", applicationId).firstResultOptional()
                .filter(p -> actor.provider().isPresent() && actor.provider().get().equals(p.provider))
                .map(p -> p.barcode)
                .orElseThrow(() -> ProblemException.notFound("application", applicationId));
    }

    /** R19: hands the result to the applicant, or to a representative with a valid power of attorney. */
    @Transactional
    public DocumentPackage issue(String barcode, IssueCommand c, Actor actor) {
        DocumentPackage p = lock(barcode);
        requireStaffOf(p, actor);
        if (p.status != PackageStatus.AT_ISSUANCE_DESK) {
            throw p.outOfOrder(Movement.ISSUED_TO_APPLICANT);
        }
        Instant now = now();
        LocalDate today = LocalDate.ofInstant(now, DocumentPackage.KZ);
        Iin applicant;
        if (c.recipient() == IssueCommand.Recipient.SELF) {
            applicant = c.identity().iin();
        } else {
            IssueCommand.PowerOfAttorney poa = c.powerOfAttorney();
            if (poa == null) {
                throw ProblemException.unprocessable("power-of-attorney-required",
                        "a representative must show a power of attorney",
                        Text.of("Өкіл сенімхат көрсетуі керек", "Представитель должен предъявить доверенность"),
                        new Problem.FieldError("powerOfAttorney", "required for REPRESENTATIVE"));
            }
            if (poa.validUntil().isBefore(today) || poa.date().isAfter(today)) {
                throw ProblemException.unprocessable("power-of-attorney-expired",
                        "the power of attorney is not valid on " + today,
                        Text.of("Сенімхаттың мерзімі өтіп кеткен немесе әлі басталмаған",
                                "Доверенность просрочена или ещё не действует"),
                        new Problem.FieldError("powerOfAttorney.validUntil", "not valid today"));
            }
            applicant = poa.representedIin();
        }
        if (!pseudonyms.pseudonym(applicant).equals(p.applicantPseudonym)) {
            throw ProblemException.unprocessable("recipient-mismatch",
                    c.recipient() == IssueCommand.Recipient.SELF ? "the person shown is not the applicant"
                            : "the power of attorney does not name the applicant",
                    Text.of("Құжат өтініш берушіге тиесілі емес", "Документ не относится к заявителю"),
                    new Problem.FieldError(c.recipient() == IssueCommand.Recipient.SELF ? "identity.iin"
                            : "powerOfAttorney.representedIin", "does not match the applicant"));
        }
        Integer window = c.window() != null ? c.window() : p.deskWindow;
        DocumentPackage.Moved m = p.move(Movement.ISSUED_TO_APPLICANT, window, actor.subject(), now);
        IssuanceRecord r = new IssuanceRecord();
        r.packageId = p.id;
        r.recipient = c.recipient().name();
        r.recipientPseudonym = pseudonyms.pseudonym(c.identity().iin());
        r.identityDocument = c.identity().type().name();
        r.identityNumberMasked = Iin.mask(c.identity().number());
        if (c.recipient() == IssueCommand.Recipient.REPRESENTATIVE) {
            r.poaNumber = c.powerOfAttorney().number();
            r.poaDate = c.powerOfAttorney().date();
            r.poaNotary = c.powerOfAttorney().notary();
            r.poaValidUntil = c.powerOfAttorney().validUntil();
        }
        r.operatorId = actor.subject();
        r.window = window;
        r.issuedAt = now;
        r.persist();
        publish(p, m);
        outbox.publish(DocumentIssued.of(p, r.recipient, actor.subject()));
        return p;
    }

    /** A supervisor sends a result back before its time, with a reason. */
    @Transactional
    public DocumentPackage returnBySupervisor(String barcode, String note, Actor actor) {
        DocumentPackage p = lock(barcode);
        requireStaffOf(p, actor);
        DocumentPackage.Moved m = p.returnToProvider(DocumentReturned.BY_SUPERVISOR, note, actor.subject(), now());
        publish(p, m);
        return p;
    }

    @Transactional
    public DocumentPackage find(String barcode, Actor actor) {
        DocumentPackage p = byBarcode(barcode, false);
        if (actor.provider().isPresent()) {
            if (!actor.provider().get().equals(p.provider)) {
                throw ProblemException.notFound("package", barcode);
            }
        } else if (!actor.auditor()) {
            requireStaffOf(p, actor);
        }
        p.chain.size();
        return p;
    }

    /** R15.7: what a branch's desk holds, oldest ready date first. */
    @Transactional
    public List<DocumentPackage> list(String branch, PackageStatus status, LocalDate due, Actor actor) {
        if (!actor.auditor() && !actor.branches().contains(branch)) {
            throw notYourBranch();
        }
        StringBuilder q = new StringBuilder("branchCode = :branch");
        Parameters params = Parameters.with("branch", branch);
        if (status != null) {
            q.append(" and status = :status");
            params.and("status", status);
        }
        if (due != null) {
            q.append(" and readyDate <= :due");
            params.and("due", due);
        }
        return DocumentPackage.<DocumentPackage>find(q.toString(), Sort.by("readyDate").and("barcode"), params)
                .page(0, 500).list();
    }

    /** Every move goes out as PackageMoved; the first arrival of the result also as DocumentReady; a return as DocumentReturned. */
    void publish(DocumentPackage p, DocumentPackage.Moved m) {
        outbox.publish(PackageMoved.of(p, m.entry()));
        if (m.nowReady()) {
            outbox.publish(DocumentReady.of(p));
        }
        if (m.entry().movement == Movement.RETURNED_TO_PROVIDER) {
            outbox.publish(DocumentReturned.of(p));
        }
    }

    DocumentPackage lock(String barcode) {
        return byBarcode(barcode, true);
    }

    private DocumentPackage byBarcode(String barcode, boolean forUpdate) {
        if (!Barcode.isValid(barcode)) {
            throw ProblemException.unprocessable("malformed-barcode",
                    "a barcode is GFC, ten digits and a check digit",
                    Text.of("Штрихкод қате оқылды", "Штрихкод считан неверно"),
                    new Problem.FieldError("barcode", "malformed or wrong check digit"));
        }
        var query = DocumentPackage.<DocumentPackage>find("barcode", barcode);
        if (forUpdate) {
            query = query.withLock(LockModeType.PESSIMISTIC_WRITE);
        }
        return query.firstResultOptional().orElseThrow(() -> ProblemException.notFound("package", barcode));
    }

    private static void requireStaffOf(DocumentPackage p, Actor actor) {
        if (!actor.branches().contains(p.branchCode)) {
            throw notYourBranch();
        }
    }

    private static ProblemException notYourBranch() {
        return new ProblemException(403, "not-your-branch", "Forbidden", "staff act only at the branches in their token",
                Text.of("Сіз бұл филиалда жұмыс істемейсіз", "Вы не работаете в этом филиале"), null);
    }

    Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
