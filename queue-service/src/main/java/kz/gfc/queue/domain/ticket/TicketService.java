package kz.gfc.queue.domain.ticket;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Locale;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import io.quarkus.narayana.jta.QuarkusTransaction;

import kz.gfc.kit.events.Outbox;
import kz.gfc.kit.iin.Iin;
import kz.gfc.kit.iin.Pseudonymizer;
import kz.gfc.kit.problem.Language;
import kz.gfc.kit.problem.Problem;
import kz.gfc.kit.problem.ProblemException;
import kz.gfc.kit.problem.Text;
import kz.gfc.queue.events.TicketCancelled;
import kz.gfc.queue.events.TicketIssued;
import kz.gfc.queue.domain.Actor;
import kz.gfc.queue.domain.QueueConfig;
import kz.gfc.queue.domain.booking.Booking;
import kz.gfc.queue.domain.branch.Branch;
import kz.gfc.queue.domain.branch.BranchReference;
import kz.gfc.queue.domain.branch.BranchSchedule;
import kz.gfc.queue.domain.branch.Branches;
import kz.gfc.queue.domain.branch.CategoryReference;
import kz.gfc.queue.domain.branch.ServiceCategory;
import kz.gfc.queue.domain.window.ServiceWindow;

/** Issuing tickets and what their holders may do with them: look, cancel, postpone. */
@ApplicationScoped
public class TicketService {

    private final Branches branches;
    private final BranchSchedule schedule;
    private final TicketQueue queue;
    private final Outbox outbox;
    private final Pseudonymizer pseudonymizer;
    private final QueueConfig config;
    private final Clock clock;
    private final PriorityCheck priorityCheck;
    private final EntityManager em;

    public TicketService(Branches branches, BranchSchedule schedule, TicketQueue queue, Outbox outbox,
            Pseudonymizer pseudonymizer, QueueConfig config, Clock clock, PriorityCheck priorityCheck,
            EntityManager em) {
        this.branches = branches;
        this.schedule = schedule;
        this.queue = queue;
        this.outbox = outbox;
        this.pseudonymizer = pseudonymizer;
        this.config = config;
        this.clock = clock;
        this.priorityCheck = priorityCheck;
        this.em = em;
    }

    public record IssueCommand(String branchCode, String categoryCode, Ticket.Channel channel, Language language,
            PriorityReason priority, Iin iin, String ownerId, boolean selfService) {
    }

    /**
     * Issues a ticket and shows it to its holder. The view — the ticket's place, counted over
     * its line, and the wait band — is read once the issue has committed, not inside it: the
     * day's counter row stays locked from the number until the commit, and every other issue
     * in the same category at the branch waits for it, so that transaction holds only what
     * must be atomic with the number. Joins a transaction the caller already has.
     */
    public TicketState issue(IssueCommand c) {
        Ticket t = QuarkusTransaction.joiningExisting().call(() -> issueTicket(c));
        return state(t);
    }

    private Ticket issueTicket(IssueCommand c) {
        BranchReference branch = branches.branch(c.branchCode());
        CategoryReference category = branches.servedCategory(branch, c.categoryCode());
        if (c.channel() == Ticket.Channel.BOOKING) {
            throw ProblemException.unprocessable("booking-channel", "Booking tickets come from a booking's check-in",
                    Text.of("Жазылу бойынша талон жазылуды растау арқылы беріледі",
                            "Талон по записи выдаётся при подтверждении записи"),
                    new Problem.FieldError("channel", "use POST /api/v1/bookings/{id}/check-in"));
        }
        boolean video = category.kind == ServiceCategory.Kind.REMOTE_VIDEO;
        if (video != (c.channel() == Ticket.Channel.REMOTE_VIDEO)) {
            throw ProblemException.unprocessable("channel-category-mismatch",
                    "The REMOTE_VIDEO channel goes with a REMOTE_VIDEO category and only with it",
                    Text.of("Бейнеқоңырау арнасы тек бейнеқоңырау арқылы қызмет көрсету санатына сәйкес келеді",
                            "Канал видеосвязи соответствует только категории обслуживания по видеосвязи"),
                    new Problem.FieldError("channel", "does not match the category"));
        }
        schedule.requireTicketIssue(branch, schedule.now(branch), config.issueStopsBeforeClosing());
        if (c.selfService()) {
            requireUnderTicketCap(branch, c.ownerId());
        }
        PriorityStatus ground = priorityCheck.atIssue(c.priority(), c.iin(), !c.selfService(), schedule.today(branch));
        return issueIn(branch, category, c.channel(), c.language(), c.priority(), ground,
                c.iin() == null ? null : pseudonymizer.pseudonym(c.iin()), c.ownerId(), null, null);
    }

    /** Staff at the ticket's branch verify or withdraw its priority ground (R12); recorded on the ticket and audited. */
    @Transactional
    public TicketState decidePriority(UUID id, boolean verify, String note, Actor actor) {
        Ticket t = queue.lock(id).orElseThrow(() -> ProblemException.notFound("ticket", id));
        actor.requireWorksAt(t.branchCode);
        if (t.priorityReason == null) {
            throw ProblemException.conflict("no-priority-ground", "Ticket " + t.number + " claims no priority ground",
                    Text.of("Бұл талонда басымдық негізі көрсетілмеген", "В этом талоне не указано основание приоритета"));
        }
        if (t.status != TicketStatus.WAITING && t.status != TicketStatus.CALLED && t.status != TicketStatus.IN_SERVICE) {
            throw ProblemException.conflict("illegal-ticket-transition", "The ticket is " + t.status,
                    Text.of("Талонның қазіргі күйінде бұл әрекет мүмкін емес",
                            "В текущем состоянии талона это действие невозможно"));
        }
        t.decidePriority(verify, actor.id(), clock.instant(), note);
        return state(t);
    }

    /**
     * Issues a ticket after the branch-level checks: R6 (no electronic tickets in live mode),
     * one waiting ticket per IIN, a concurrency-safe number. The caller has checked R3's working
     * hours (a walk-in also the stop before closing; a booked visit only the hours).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Ticket issueIn(BranchReference branch, CategoryReference category, Ticket.Channel channel, Language language,
            PriorityReason priority, PriorityStatus ground, String applicantPseudonym, String ownerId, UUID bookingId,
            Instant slotStart) {
        if (branches.mode(branch.code) == Branch.Mode.LIVE) {
            throw ProblemException.conflict("branch-live-queue",
                    "Branch " + branch.code + " works with the live queue now; electronic tickets are not issued",
                    Text.of("Техникалық ақауға байланысты филиал қазір тірі кезекпен жұмыс істейді. "
                            + "Электрондық талон берілмейді, залдағы кезекке тұрыңыз",
                            "Из-за технического сбоя филиал сейчас работает в режиме живой очереди. "
                                    + "Электронные талоны не выдаются, займите очередь в зале"));
        }
        ZonedDateTime now = schedule.now(branch);
        LocalDate day = now.toLocalDate();
        if (applicantPseudonym != null && Ticket.count("branchCode = ?1 and categoryCode = ?2 and applicantPseudonym = ?3"
                + " and status = ?4 and serviceDay = ?5", branch.code, category.code, applicantPseudonym,
                TicketStatus.WAITING, day) > 0) {
            throw alreadyWaiting();
        }
        int seq = queue.nextSequence(branch.code, category.code, day);
        Ticket t = new Ticket();
        t.id = UUID.randomUUID();
        t.branchCode = branch.code;
        t.categoryCode = category.code;
        t.originalCategory = category.code;
        t.number = category.letter + "-" + String.format(Locale.ROOT, "%03d", seq);
        t.serviceDay = day;
        t.source = Ticket.Source.ELECTRONIC;
        t.channel = channel;
        t.language = language.code();
        t.priorityReason = priority;
        t.priorityStatus = priority == null ? null : ground;
        t.priorityWeight = priority != null && ground == PriorityStatus.VERIFIED ? priority.weight() : 0;
        t.applicantPseudonym = applicantPseudonym;
        t.ownerId = ownerId;
        t.status = TicketStatus.WAITING;
        t.issuedAt = now.toInstant();
        t.queueAt = t.issuedAt;
        t.bookingId = bookingId;
        t.slotStart = slotStart;
        persistChecked(t);
        outbox.publish(TicketIssued.of(t));
        return t;
    }

    /** Persists and flushes, so the database's one-waiting-ticket-per-IIN index speaks now, as a 409. */
    public void persistChecked(Ticket t) {
        try {
            if (em.contains(t)) {
                em.flush();
            } else {
                em.persist(t);
                em.flush();
            }
        } catch (PersistenceException e) {
            if (String.valueOf(rootMessage(e)).contains("ticket_one_waiting_per_applicant")) {
                throw alreadyWaiting();
            }
            throw e;
        }
    }

    /**
     * A citizen's account holds at most so many waiting tickets a day, serialised per account so
     * parallel requests cannot all pass the count. Staff issuing for walk-ins are not capped.
     */
    private void requireUnderTicketCap(BranchReference branch, String ownerId) {
        em.createNativeQuery("SELECT 1 FROM (SELECT pg_advisory_xact_lock(hashtext(:key))) l")
                .setParameter("key", "tickets-of:" + ownerId).getSingleResult();
        LocalDate day = schedule.now(branch).toLocalDate();
        int cap = config.maxWaitingTicketsPerAccount();
        if (Ticket.count("ownerId = ?1 and status = ?2 and serviceDay = ?3", ownerId, TicketStatus.WAITING, day) >= cap) {
            throw ProblemException.conflict("ticket-cap-reached",
                    "An account may hold at most " + cap + " waiting tickets at once",
                    Text.of("Бір уақытта " + cap + " күтудегі талоннан артық алуға болмайды",
                            "Одновременно можно держать не более " + cap + " ожидающих талонов"));
        }
    }

    static ProblemException alreadyWaiting() {
        return ProblemException.conflict("already-waiting",
                "This IIN already has a waiting ticket for this category at this branch",
                Text.of("Сізде осы қызмет түріне күтудегі талон бар", "У вас уже есть ожидающий талон на эту услугу"));
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public TicketState get(UUID id, Actor actor) {
        return state(visible(Ticket.findById(id), actor));
    }

    /** The owner gives up a waiting ticket. */
    @Transactional
    public TicketState cancel(UUID id, Actor actor) {
        Ticket t = owned(queue.lock(id).orElse(null), actor);
        t.moveTo(TicketStatus.CANCELLED);
        t.cancelledAt = clock.instant();
        outbox.publish(TicketCancelled.of(t));
        return state(t);
    }

    /**
     * "I need more time": the ticket goes to the back of the line, a bounded number of times,
     * so remote postponing cannot crowd out the people in the hall.
     */
    @Transactional
    public TicketState postpone(UUID id, Actor actor) {
        Ticket t = owned(queue.lock(id).orElse(null), actor);
        if (t.status != TicketStatus.WAITING) {
            throw ProblemException.conflict("illegal-ticket-transition", "Only a waiting ticket can be postponed",
                    Text.of("Тек күтудегі талонды кейінге қалдыруға болады", "Отложить можно только ожидающий талон"));
        }
        if (t.postpones >= config.maxPostpones()) {
            throw ProblemException.conflict("postpone-limit",
                    "A ticket may be postponed at most " + config.maxPostpones() + " times",
                    Text.of("Талонды бұдан әрі кейінге қалдыруға болмайды", "Талон больше нельзя отложить"));
        }
        t.postpones++;
        t.queueAt = clock.instant();
        t.slotStart = null; // a postponed booking waits like everyone else
        return state(t);
    }

    private Ticket visible(Ticket t, Actor actor) {
        if (t == null || (!actor.worksAt(t.branchCode) && !actor.id().equals(t.ownerId))) {
            throw ProblemException.notFound("ticket", "");
        }
        return t;
    }

    private Ticket owned(Ticket t, Actor actor) {
        if (t == null || !actor.id().equals(t.ownerId)) {
            throw ProblemException.notFound("ticket", "");
        }
        return t;
    }

    /** The ticket as its holder sees it: position and wait band while waiting, the window while called. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public TicketState state(Ticket t) {
        BranchReference branch = branches.branch(t.branchCode);
        CategoryReference category = branches.category(t.categoryCode);
        Integer position = null;
        WaitEstimate estimate = null;
        if (t.status == TicketStatus.WAITING) {
            TicketQueue.Line line = queue.line(t, schedule.now(branch));
            position = line.position();
            estimate = estimate(category, line);
        }
        ServiceWindow window = null;
        if (t.windowId != null && (t.status == TicketStatus.CALLED || t.status == TicketStatus.IN_SERVICE)) {
            window = ServiceWindow.findById(t.windowId);
        }
        return new TicketState(t, branch, category, position, estimate, window,
                Math.max(0, config.maxPostpones() - t.postpones));
    }

    /** The band for the people ahead: from this hour's history once it has enough visits, else the category's norm. */
    WaitEstimate estimate(CategoryReference category, TicketQueue.Line line) {
        int peopleAhead = line.position() - 1;
        ServiceTimeStats times = line.times();
        TicketQueue.Staffing staffing = line.staffing();
        if (times.samples() >= config.waitEstimate().minSamples() && times.meanMinutes() > 0) {
            return WaitEstimate.of(peopleAhead, staffing.open(), staffing.idle(), times.meanMinutes(), times.sdMinutes(),
                    WaitEstimate.Basis.HISTORY);
        }
        return WaitEstimate.of(peopleAhead, staffing.open(), staffing.idle(), category.expectedMinutes,
                category.expectedMinutes / 2.0, WaitEstimate.Basis.NORM);
    }
}
