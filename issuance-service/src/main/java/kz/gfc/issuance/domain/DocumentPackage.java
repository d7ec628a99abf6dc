package kz.gfc.issuance.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import kz.gfc.kit.problem.ProblemException;
import kz.gfc.kit.problem.Text;

/**
 * A result (document) in the centre's custody, tracked by its barcode (R15.9). It owns its
 * state machine ({@link Movement}) and its custody chain: every move goes through
 * {@link #move}, which refuses an out-of-order or repeated one and links the new entry to the
 * last by hash.
 */
@Entity
@Table(name = "document_package")
public class DocumentPackage extends PanacheEntityBase {

    /** Kazakhstan has one zone, UTC+5, since 1 March 2024: the day a package reached the desk is counted in it. */
    public static final ZoneOffset KZ = ZoneOffset.ofHours(5);

    public enum ReadyText {
        /** Nothing to send yet (the result is not at the centre). */
        NONE,
        /** The applicant must be told; {@code readyTextNextAt} says when to try. */
        PENDING,
        SENT
    }

    @Id
    public UUID id;
    @Column(nullable = false, unique = true)
    public String barcode;
    @Column(name = "application_id", nullable = false, unique = true)
    public UUID applicationId;
    @Column(name = "receipt_number")
    public String receiptNumber;
    @Column(name = "service_code", nullable = false)
    public String serviceCode;
    @Column(nullable = false)
    public String provider;
    @Column(name = "branch_code", nullable = false)
    public String branchCode;
    @Column(name = "result_kind", nullable = false)
    public String resultKind;
    @Enumerated(EnumType.STRING)
    @Column(name = "retention_class", nullable = false)
    public RetentionClass retentionClass;
    @Column(name = "applicant_pseudonym", nullable = false)
    public String applicantPseudonym;
    @Column(nullable = false)
    public String language;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Delivery delivery;
    @Column(name = "ready_date", nullable = false)
    public LocalDate readyDate;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public PackageStatus status;
    @Column(name = "desk_window")
    public Integer deskWindow;
    @Column(name = "registered_at", nullable = false)
    public Instant registeredAt;
    @Column(name = "ready_at")
    public Instant readyAt;
    @Column(name = "at_desk_since")
    public Instant atDeskSince;
    @Column(name = "kept_until")
    public LocalDate keptUntil;
    @Column(name = "issued_at")
    public Instant issuedAt;
    @Column(name = "returned_at")
    public Instant returnedAt;
    @Column(name = "return_reason")
    public String returnReason;
    @Column(name = "return_note")
    public String returnNote;
    @Enumerated(EnumType.STRING)
    @Column(name = "ready_text", nullable = false)
    public ReadyText readyText = ReadyText.NONE;
    @Column(name = "ready_text_attempts", nullable = false)
    public int readyTextAttempts;
    @Column(name = "ready_text_next_at")
    public Instant readyTextNextAt;
    @Version
    public long version;

    @OneToMany(mappedBy = "pkg", cascade = CascadeType.PERSIST)
    @OrderBy("seq")
    public List<CustodyEntry> chain = new ArrayList<>();

    /** The outcome of a move: the new chain entry, and whether the result reached the centre with it for the first time. */
    public record Moved(CustodyEntry entry, boolean nowReady) {
    }

    public static DocumentPackage register(String barcode, UUID applicationId, String receiptNumber, String serviceCode,
            String provider, String branchCode, String resultKind, RetentionClass retention, String applicantPseudonym,
            String language, Delivery delivery, LocalDate readyDate, Instant at) {
        DocumentPackage p = new DocumentPackage();
        p.id = UUID.randomUUID();
        p.barcode = barcode;
        p.applicationId = applicationId;
        p.receiptNumber = receiptNumber;
        p.serviceCode = serviceCode;
        p.provider = provider;
        p.branchCode = branchCode;
        p.resultKind = resultKind;
        p.retentionClass = retention;
        p.applicantPseudonym = applicantPseudonym;
        p.language = "kk".equals(language) ? "kk" : "ru";
        p.delivery = delivery;
        p.readyDate = readyDate;
        // an electronic result never travels: the provider already holds the case
        p.status = delivery == Delivery.ELECTRONIC ? PackageStatus.AT_PROVIDER : PackageStatus.AWAITING_DISPATCH;
        p.registeredAt = at;
        return p;
    }

    /**
     * Moves the package, or refuses with 409 naming the status it is in. Every move, scan or
     * not, is appended to the chain.
     */
    public Moved move(Movement movement, Integer window, String actorId, Instant at) {
        if (!movement.allowedFrom(status)) {
            throw outOfOrder(movement);
        }
        CustodyEntry e = new CustodyEntry();
        e.id = UUID.randomUUID();
        e.pkg = this;
        e.seq = chain.size() + 1;
        e.movement = movement;
        e.fromStatus = status;
        e.toStatus = movement.to();
        e.branchCode = branchCode;
        e.window = window;
        e.actorId = actorId;
        e.at = at;
        e.prevHash = chain.isEmpty() ? CustodyChain.GENESIS : chain.get(chain.size() - 1).hash;
        e.hash = CustodyChain.hash(barcode, e);
        chain.add(e);
        status = movement.to();

        boolean nowReady = false;
        switch (movement) {
            case RECEIVED_FROM_PROVIDER, ELECTRONIC_RESULT -> {
                if (readyAt == null) {
                    readyAt = at;
                    readyText = ReadyText.PENDING;
                    readyTextNextAt = at;
                    nowReady = true;
                }
            }
            case TO_ISSUANCE_DESK -> {
                atDeskSince = at;
                deskWindow = window;
                keptUntil = RetentionPolicy.keptUntil(retentionClass, LocalDate.ofInstant(at, KZ)).orElse(null);
            }
            case ISSUED_TO_APPLICANT -> issuedAt = at;
            case RETURNED_TO_PROVIDER -> returnedAt = at;
            default -> {
            }
        }
        return new Moved(e, nowReady);
    }

    public Moved returnToProvider(String reason, String note, String actorId, Instant at) {
        Moved m = move(Movement.RETURNED_TO_PROVIDER, deskWindow, actorId, at);
        returnReason = reason;
        returnNote = note;
        return m;
    }

    public boolean chainVerifies() {
        return CustodyChain.verifies(barcode, chain);
    }

    public CustodyEntry lastEntry() {
        return chain.get(chain.size() - 1);
    }

    public ProblemException outOfOrder(Movement movement) {
        return ProblemException.conflict("out-of-order",
                "package " + barcode + " is " + status + ": " + movement + " is not allowed now",
                Text.of("Пакет қазір " + status + " күйінде: бұл әрекет рет бойынша емес",
                        "Пакет сейчас в статусе " + status + ": это действие не по порядку"))
                .with("currentStatus", status.name());
    }
}
