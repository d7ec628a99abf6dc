package kz.gfc.queue.domain.ticket;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import kz.gfc.kit.events.Outbox;
import kz.gfc.kit.problem.Problem;
import kz.gfc.kit.problem.ProblemException;
import kz.gfc.kit.problem.Text;
import kz.gfc.queue.events.TicketCompleted;
import kz.gfc.queue.events.TicketIssued;
import kz.gfc.queue.events.TicketNoShow;
import kz.gfc.queue.domain.Actor;
import kz.gfc.queue.domain.QueueConfig;
import kz.gfc.queue.domain.branch.BranchReference;
import kz.gfc.queue.domain.branch.Branches;
import kz.gfc.queue.domain.branch.CategoryReference;
import kz.gfc.queue.domain.window.ServiceWindow;

/**
 * R6 reconciliation: tickets served by hand while a branch worked the ordinary (live) queue
 * are posted afterwards, so statistics and ratings include them. Idempotent by the hand
 * number per branch and day: a repeated post returns the ticket already recorded and
 * publishes nothing again.
 */
@ApplicationScoped
public class LiveQueueService {

    /** Paper tickets older than this are not reconciled any more: statistics for that period are closed. */
    static final Duration MAX_AGE = Duration.ofDays(7);

    private final EntityManager em;
    private final Branches branches;
    private final TicketService tickets;
    private final Outbox outbox;
    private final Clock clock;
    private final TicketQueue queue;
    private final QueueConfig config;

    public LiveQueueService(EntityManager em, Branches branches, TicketService tickets, Outbox outbox, Clock clock,
            TicketQueue queue, QueueConfig config) {
        this.em = em;
        this.branches = branches;
        this.tickets = tickets;
        this.outbox = outbox;
        this.clock = clock;
        this.queue = queue;
        this.config = config;
    }

    public enum Outcome { COMPLETED, NO_SHOW }

    public record LiveTicket(String handNumber, String category, Instant issuedAt, Instant calledAt,
            Instant completedAt, Integer windowNumber, Outcome outcome) {
    }

    public record Posted(TicketState ticket, boolean created) {
    }

    @Transactional
    public Posted post(String branchCode, LiveTicket l, Actor actor) {
        BranchReference branch = branches.branch(branchCode);
        actor.requireWorksAt(branch.code);
        CategoryReference category = branches.servedCategory(branch, l.category());
        Instant now = clock.instant();
        Instant issued = l.issuedAt();
        Instant called = l.calledAt();
        Instant completed = l.completedAt();
        validate(now, issued, called, completed, l.outcome());
        ServiceWindow window = null;
        if (l.windowNumber() != null) {
            window = ServiceWindow.<ServiceWindow>find("branchCode = ?1 and number = ?2", branch.code, l.windowNumber())
                    .firstResultOptional()
                    .orElseThrow(() -> invalid("windowNumber", "no such window at this branch"));
        }
        LocalDate day = issued.atZone(branch.zone()).toLocalDate();
        String hand = l.handNumber().strip();
        // One writer per hand number: the check below and the insert cannot be raced.
        em.createNativeQuery("SELECT 1 FROM (SELECT pg_advisory_xact_lock(hashtext(:key))) l")
                .setParameter("key", "live:" + branch.code + ":" + day + ":" + hand).getSingleResult();
        Optional<Ticket> existing = Ticket.<Ticket>find("branchCode = ?1 and serviceDay = ?2 and handNumber = ?3",
                branch.code, day, hand).firstResultOptional();
        if (existing.isPresent()) {
            Ticket t = existing.get();
            if (!t.originalCategory.equals(category.code) || !t.issuedAt.equals(issued)) {
                throw ProblemException.conflict("hand-number-taken",
                        "Hand number " + hand + " was already posted for " + day + " with other data",
                        Text.of("Бұл қолмен жазылған нөмір басқа деректермен енгізілген",
                                "Этот рукописный номер уже внесён с другими данными"));
            }
            return new Posted(tickets.state(t), false);
        }
        Ticket t = new Ticket();
        t.id = UUID.randomUUID();
        t.branchCode = branch.code;
        t.categoryCode = category.code;
        t.originalCategory = category.code;
        t.number = hand;
        t.handNumber = hand;
        t.serviceDay = day;
        t.source = Ticket.Source.LIVE;
        t.channel = Ticket.Channel.WALK_IN;
        t.language = "ru";
        t.priorityWeight = 0;
        t.ownerId = actor.id();
        t.issuedAt = issued;
        t.queueAt = issued;
        t.firstCalledAt = called;
        t.calledAt = called;
        t.windowId = window == null ? null : window.id;
        // The signed-in member of staff who posts the hand ticket answers for it, never a typed-in id.
        t.operatorId = actor.id();
        if (l.outcome() == Outcome.COMPLETED) {
            t.status = TicketStatus.COMPLETED;
            t.startedAt = called;
            t.completedAt = completed;
            t.servedSeconds = (int) Duration.between(called, completed).toSeconds();
        } else {
            t.status = TicketStatus.NO_SHOW;
            t.noShowAt = called != null ? called : issued;
        }
        t.persist();
        if (t.status == TicketStatus.COMPLETED) {
            queue.recordServed(t.branchCode, t.categoryCode, t.startedAt.atZone(branch.zone()), t.servedSeconds / 60.0,
                    config.waitEstimate().smoothing());
        }
        outbox.publish(TicketIssued.of(t));
        outbox.publish(t.status == TicketStatus.COMPLETED ? TicketCompleted.of(t, window == null ? null : window.number)
                : TicketNoShow.of(t));
        return new Posted(tickets.state(t), true);
    }

    private static void validate(Instant now, Instant issued, Instant called, Instant completed, Outcome outcome) {
        if (issued.isAfter(now)) {
            throw invalid("issuedAt", "is in the future");
        }
        if (issued.isBefore(now.minus(MAX_AGE))) {
            throw invalid("issuedAt", "is older than " + MAX_AGE.toDays() + " days");
        }
        if (called != null && (called.isBefore(issued) || called.isAfter(now))) {
            throw invalid("calledAt", "must lie between issuedAt and now");
        }
        if (outcome == Outcome.COMPLETED) {
            if (called == null || completed == null) {
                throw invalid("completedAt", "a completed ticket needs calledAt and completedAt");
            }
            if (completed.isBefore(called) || completed.isAfter(now)) {
                throw invalid("completedAt", "must lie between calledAt and now");
            }
        } else if (completed != null) {
            throw invalid("completedAt", "a no-show has no completion");
        }
    }

    private static ProblemException invalid(String field, String message) {
        return ProblemException.unprocessable("invalid-live-ticket", field + " " + message,
                Text.of("Қолмен берілген талонның деректері дұрыс емес", "Данные талона живой очереди указаны неверно"),
                new Problem.FieldError(field, message));
    }
}
