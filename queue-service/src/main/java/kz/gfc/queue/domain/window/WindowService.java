package kz.gfc.queue.domain.window;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import kz.gfc.kit.events.Outbox;
import kz.gfc.kit.problem.Problem;
import kz.gfc.kit.problem.ProblemException;
import kz.gfc.kit.problem.Text;
import kz.gfc.queue.events.TicketCalled;
import kz.gfc.queue.events.TicketCompleted;
import kz.gfc.queue.events.TicketNoShow;
import kz.gfc.queue.events.TicketTransferred;
import kz.gfc.queue.domain.Actor;
import kz.gfc.queue.domain.QueueConfig;
import kz.gfc.queue.domain.branch.BranchReference;
import kz.gfc.queue.domain.branch.BranchSchedule;
import kz.gfc.queue.domain.branch.Branches;
import kz.gfc.queue.domain.branch.ServiceCategory;
import kz.gfc.queue.domain.ticket.Ticket;
import kz.gfc.queue.domain.ticket.TicketQueue;
import kz.gfc.queue.domain.ticket.TicketService;
import kz.gfc.queue.domain.ticket.TicketState;
import kz.gfc.queue.domain.ticket.TicketStatus;

/**
 * The operator's side of the queue (R6): signing in to a window (its nameplate), calling the
 * next ticket by {@link CallOrder}, and moving a called ticket through {@link TicketStatus}.
 */
@ApplicationScoped
public class WindowService {

    private final EntityManager em;
    private final Branches branches;
    private final BranchSchedule schedule;
    private final TicketQueue queue;
    private final TicketService tickets;
    private final Outbox outbox;
    private final QueueConfig config;
    private final Clock clock;
    private final Event<BoardCall> board;

    public WindowService(EntityManager em, Branches branches, BranchSchedule schedule, TicketQueue queue,
            TicketService tickets, Outbox outbox, QueueConfig config, Clock clock, Event<BoardCall> board) {
        this.em = em;
        this.branches = branches;
        this.schedule = schedule;
        this.queue = queue;
        this.tickets = tickets;
        this.outbox = outbox;
        this.config = config;
        this.clock = clock;
        this.board = board;
    }

    /** What call-next hands the operator: the ticket, the rule that chose it, the video room if remote. */
    public record Call(TicketState ticket, CallOrder.Rule rule, String roomReference) {
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ServiceWindow> windows(String branchCode) {
        branches.branch(branchCode);
        return ServiceWindow.list("branchCode = ?1 and retiredAt is null order by number", branchCode);
    }

    /** 404 for a window not in service, 403 for one of another branch. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public void requireWorksAtWindow(long windowId, Actor actor) {
        ServiceWindow w = ServiceWindow.findById(windowId);
        if (w == null || w.retiredAt != null) {
            throw ProblemException.notFound("window", windowId);
        }
        actor.requireWorksAt(w.branchCode);
    }

    /** R6 nameplate: the operator's full name and position are shown with every call from this window. */
    @Transactional
    public ServiceWindow signIn(long windowId, Actor actor, String fullName, String position) {
        ServiceWindow w = ServiceWindow.lockInService(windowId);
        actor.requireWorksAt(w.branchCode);
        String operatorId = actor.id();
        if (w.operatorId != null && !w.operatorId.equals(operatorId)) {
            throw ProblemException.conflict("window-occupied", "Window " + w.number + " is staffed by someone else",
                    Text.of("Бұл терезеде басқа қызметкер жұмыс істеп жатыр", "За этим окном работает другой сотрудник"));
        }
        Optional<ServiceWindow> elsewhere = ServiceWindow.<ServiceWindow>find("operatorId = ?1 and id <> ?2", operatorId, windowId)
                .firstResultOptional();
        if (elsewhere.isPresent()) {
            throw ProblemException.conflict("signed-in-elsewhere",
                    "You are signed in at window " + elsewhere.get().number + " of " + elsewhere.get().branchCode,
                    Text.of("Сіз басқа терезеде жүйеге кірдіңіз, алдымен одан шығыңыз",
                            "Вы уже работаете за другим окном, сначала выйдите из него"));
        }
        w.operatorId = operatorId;
        w.operatorName = fullName;
        w.operatorPosition = position;
        w.signedInAt = clock.instant();
        w.pausedAt = null;
        w.pauseReason = null;
        try {
            em.flush();
        } catch (PersistenceException e) {
            // two sign-ins of one person at two windows at once: the unique index decides
            throw ProblemException.conflict("signed-in-elsewhere", "You are signed in at another window",
                    Text.of("Сіз басқа терезеде жүйеге кірдіңіз", "Вы уже работаете за другим окном"));
        }
        return w;
    }

    @Transactional
    public ServiceWindow signOut(long windowId, Actor actor) {
        ServiceWindow w = ServiceWindow.lockInService(windowId);
        if (w.operatorId == null) {
            return w;
        }
        requireAtWindow(w, actor);
        if (queue.activeAt(w.id).isPresent()) {
            throw windowBusy(w);
        }
        w.operatorId = null;
        w.operatorName = null;
        w.operatorPosition = null;
        w.signedInAt = null;
        w.pausedAt = null;
        w.pauseReason = null;
        // The priority run stays with the window: signing out and in again must not let a
        // stream of priority visitors starve the ordinary line.
        return w;
    }

    /**
     * Calls the next ticket for the window's categories. The window row is locked, so one
     * window's calls (and its priority run) are serialised; tickets are taken with SKIP LOCKED,
     * so windows calling at the same instant get different tickets. Empty when nobody waits.
     */
    @Transactional
    public Optional<Call> callNext(long windowId, Actor actor) {
        ServiceWindow w = readyToCall(windowId, actor);
        BranchReference branch = branches.branch(w.branchCode);
        Instant now = clock.instant();
        if (w.categories.isEmpty()) {
            return Optional.empty();
        }
        for (CallOrder.Step step : CallOrder.plan(w.priorityStreak, config.starvationBound())) {
            Optional<Ticket> head = queue.lockHead(step.pool(), branch.code, schedule.today(branch), w.categories, w.id, now,
                    config.priorityAgingStep());
            if (head.isPresent()) {
                return Optional.of(call(head.get(), w, step.rule(), null, now));
            }
        }
        return Optional.empty();
    }

    /**
     * Calls one waiting ticket by its number, out of its turn (a visitor sent back from another
     * window, a complaint being resolved): a call decision of its own, with the reason recorded.
     */
    @Transactional
    public Call callByNumber(long windowId, String number, String reason, Actor actor) {
        ServiceWindow w = readyToCall(windowId, actor);
        BranchReference branch = branches.branch(w.branchCode);
        Ticket t = Ticket.<Ticket>find("branchCode = ?1 and serviceDay = ?2 and number = ?3", branch.code,
                schedule.today(branch), number).firstResultOptional()
                .flatMap(found -> queue.lock(found.id))
                .orElseThrow(() -> ProblemException.notFound("ticket", number));
        if (t.status != TicketStatus.WAITING) {
            throw ProblemException.conflict("ticket-not-waiting", "Ticket " + number + " is " + t.status + ", not waiting",
                    Text.of(number + " талоны кезекте күтіп тұрған жоқ", "Талон " + number + " не ожидает в очереди"));
        }
        if (!w.categories.contains(t.categoryCode)) {
            throw ProblemException.unprocessable("window-does-not-serve", "Window " + w.number + " does not serve "
                    + t.categoryCode, Text.of("Бұл терезе мұндай қызмет көрсетпейді", "Это окно не оказывает такую услугу"),
                    new Problem.FieldError("number", "a ticket of a category this window does not serve"));
        }
        return call(t, w, CallOrder.Rule.BY_NUMBER, reason, clock.instant());
    }

    /** A break: the window calls nobody and is not counted as staffed in wait bands until it resumes. */
    @Transactional
    public ServiceWindow pause(long windowId, String reason, Actor actor) {
        ServiceWindow w = ServiceWindow.lockInService(windowId);
        requireAtWindow(w, actor);
        if (queue.activeAt(w.id).isPresent()) {
            throw windowBusy(w);
        }
        if (w.pausedAt == null) {
            w.pausedAt = clock.instant();
            w.pauseReason = reason;
        }
        return w;
    }

    @Transactional
    public ServiceWindow resume(long windowId, Actor actor) {
        ServiceWindow w = ServiceWindow.lockInService(windowId);
        requireAtWindow(w, actor);
        w.pausedAt = null;
        w.pauseReason = null;
        return w;
    }

    /** The window locked, the actor at it, nobody at it already, not on a break. */
    private ServiceWindow readyToCall(long windowId, Actor actor) {
        ServiceWindow w = ServiceWindow.lockInService(windowId);
        requireAtWindow(w, actor);
        if (queue.activeAt(w.id).isPresent()) {
            throw windowBusy(w);
        }
        if (w.paused()) {
            throw ProblemException.conflict("window-paused", "Window " + w.number + " is on a break; resume it first",
                    Text.of("Терезе үзілісте: алдымен жұмысты жалғастырыңыз", "Окно на перерыве: сначала возобновите работу"));
        }
        return w;
    }

    private Call call(Ticket t, ServiceWindow w, CallOrder.Rule rule, String reason, Instant now) {
        CallDecision d = new CallDecision();
        d.ticketId = t.id;
        d.windowId = w.id;
        d.branchCode = w.branchCode;
        d.categoryCode = t.categoryCode;
        d.rule = rule;
        d.priorityStreak = w.priorityStreak;
        d.operatorId = w.operatorId;
        d.decidedAt = now;
        d.reason = reason;
        d.persist();
        w.priorityStreak = CallOrder.streakAfter(rule, w.priorityStreak);
        t.call(w.id, w.operatorId, now);
        if (branches.category(t.categoryCode).kind == ServiceCategory.Kind.REMOTE_VIDEO && t.roomReference == null) {
            // R12: one room for both sides, unguessable so only the two of them can join
            t.roomReference = config.videoRoomBase() + UUID.randomUUID();
        }
        announce(t, w, rule, now);
        return new Call(tickets.state(t), rule, t.roomReference);
    }

    /** Calls the same ticket again, up to the configured number of recalls. */
    @Transactional
    public TicketState recall(UUID ticketId, Actor actor) {
        Ticket t = lockTicket(ticketId);
        ServiceWindow w = windowOf(t, actor);
        if (t.status != TicketStatus.CALLED) {
            throw illegal();
        }
        if (t.recalls >= config.recallsBeforeNoShow()) {
            throw ProblemException.conflict("recall-limit",
                    "The ticket was recalled " + t.recalls + " times; mark it a no-show",
                    Text.of("Қайта шақыру саны бітті", "Лимит повторных вызовов исчерпан"));
        }
        t.recalls++;
        t.calledAt = clock.instant();
        announce(t, w, null, t.calledAt);
        return tickets.state(t);
    }

    @Transactional
    public TicketState start(UUID ticketId, Actor actor) {
        Ticket t = lockTicket(ticketId);
        windowOf(t, actor);
        if (t.status != TicketStatus.CALLED) {
            throw illegal();
        }
        t.start(clock.instant());
        return tickets.state(t);
    }

    /**
     * Ends the visit. A ticket transferred with "return afterwards" goes back to the line of
     * its first category at its old place instead of ending.
     */
    @Transactional
    public TicketState complete(UUID ticketId, String applicationId, Actor actor) {
        Ticket t = lockTicket(ticketId);
        ServiceWindow w = windowOf(t, actor);
        if (t.status != TicketStatus.IN_SERVICE) {
            throw illegal();
        }
        Instant now = clock.instant();
        queue.recordServed(t.branchCode, t.categoryCode, t.startedAt.atZone(branches.branch(t.branchCode).zone()),
                Duration.between(t.startedAt, now).toSeconds() / 60.0, config.waitEstimate().smoothing());
        if (t.finishAt(now, applicationId)) {
            outbox.publish(TicketCompleted.of(t, w.number));
        } else {
            // Not the end of the visit: one visit is one TicketCompleted, or ratings and
            // statistics would count it twice. The transfer was published when it happened.
            tickets.persistChecked(t);
        }
        return tickets.state(t);
    }

    /** After the configured recalls the citizen is a no-show; they may be reinstated for a while. */
    @Transactional
    public TicketState noShow(UUID ticketId, Actor actor) {
        Ticket t = lockTicket(ticketId);
        windowOf(t, actor);
        if (t.status != TicketStatus.CALLED) {
            throw illegal();
        }
        if (t.recalls < config.recallsBeforeNoShow()) {
            throw ProblemException.conflict("recall-first",
                    "Recall the ticket " + config.recallsBeforeNoShow() + " times before marking a no-show",
                    Text.of("Алдымен талонды қайта шақырыңыз", "Сначала вызовите талон повторно"));
        }
        t.noShow(clock.instant());
        outbox.publish(TicketNoShow.of(t));
        return tickets.state(t);
    }

    /** A no-show who comes back within the window returns to their old place in line. */
    @Transactional
    public TicketState reinstate(UUID ticketId, Actor actor) {
        Ticket t = lockTicket(ticketId);
        BranchReference branch = branches.branch(t.branchCode);
        if (t.status != TicketStatus.NO_SHOW) {
            throw illegal();
        }
        actor.requireWorksAt(branch.code);
        Instant now = clock.instant();
        if (now.isAfter(t.noShowAt.plus(config.noShowReinstateWindow()))) {
            throw ProblemException.conflict("reinstate-window-passed",
                    "A no-show may be reinstated within " + config.noShowReinstateWindow(),
                    Text.of("Талонды қалпына келтіру уақыты өтіп кетті, жаңа талон алыңыз",
                            "Время восстановления талона истекло, возьмите новый талон"));
        }
        t.moveTo(TicketStatus.WAITING);
        t.windowId = null;
        t.recalls = 0;
        tickets.persistChecked(t);
        return tickets.state(t);
    }

    public record TransferCommand(String category, Long windowId, boolean returnAfter) {
    }

    /** Sends a called or served ticket on to another category or window, keeping its place in line. */
    @Transactional
    public TicketState transfer(UUID ticketId, TransferCommand c, Actor actor) {
        Ticket t = lockTicket(ticketId);
        ServiceWindow from = windowOf(t, actor);
        if (t.status != TicketStatus.CALLED && t.status != TicketStatus.IN_SERVICE) {
            throw illegal();
        }
        if (c.category() == null && c.windowId() == null) {
            throw ProblemException.unprocessable("transfer-target", "Name a category or a window to transfer to",
                    Text.of("Қай қызмет түріне немесе терезеге жіберу керектігін көрсетіңіз",
                            "Укажите услугу или окно, куда перенаправить"),
                    new Problem.FieldError("category", "or windowId is required"));
        }
        BranchReference branch = branches.branch(t.branchCode);
        String toCategory = c.category() == null ? t.categoryCode : branches.servedCategory(branch, c.category()).code;
        ServiceWindow to = null;
        if (c.windowId() != null) {
            to = ServiceWindow.findById(c.windowId());
            if (to == null || to.retiredAt != null || !to.branchCode.equals(branch.code)) {
                throw ProblemException.unprocessable("unknown-window", "Window " + c.windowId() + " is not in this branch",
                        Text.of("Мұндай терезе жоқ", "Такого окна нет"), new Problem.FieldError("windowId", "unknown"));
            }
            if (!to.categories.contains(toCategory)) {
                throw ProblemException.unprocessable("window-does-not-serve", "Window " + to.number
                        + " does not serve " + toCategory, Text.of("Бұл терезе мұндай қызмет көрсетпейді",
                                "Это окно не оказывает такую услугу"), new Problem.FieldError("windowId", "does not serve the category"));
            }
        }
        String fromCategory = t.categoryCode;
        if (c.returnAfter() && !toCategory.equals(fromCategory)) {
            t.returnCategory = fromCategory;
        }
        t.categoryCode = toCategory;
        t.targetWindowId = to == null ? null : to.id;
        t.moveTo(TicketStatus.WAITING);
        t.windowId = null;
        t.startedAt = null;
        t.recalls = 0;
        tickets.persistChecked(t);
        outbox.publish(TicketTransferred.of(t, fromCategory, from.id, actor.id(), clock.instant()));
        return tickets.state(t);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<CallDecision> decisions(String branchCode, java.time.LocalDate day) {
        BranchReference b = branches.branch(branchCode);
        Instant from = day.atStartOfDay(b.zone()).toInstant();
        Instant to = day.plusDays(1).atStartOfDay(b.zone()).toInstant();
        return CallDecision.list("branchCode = ?1 and decidedAt >= ?2 and decidedAt < ?3 order by id", branchCode, from, to);
    }

    private void announce(Ticket t, ServiceWindow w, CallOrder.Rule rule, Instant now) {
        outbox.publish(TicketCalled.of(t, w.id, w.number, rule == null ? "RECALL" : rule.name(), now));
        board.fire(BoardCall.of(t, w, now));
    }

    private Ticket lockTicket(UUID id) {
        return queue.lock(id).orElseThrow(() -> ProblemException.notFound("ticket", id));
    }

    /** The window holding the ticket, if the actor works there (or supervises). */
    private ServiceWindow windowOf(Ticket t, Actor actor) {
        if (t.windowId == null) {
            throw illegal();
        }
        ServiceWindow w = ServiceWindow.findById(t.windowId);
        requireAtWindow(w, actor);
        return w;
    }

    private static void requireAtWindow(ServiceWindow w, Actor actor) {
        if (actor.id().equals(w.operatorId)) {
            return;
        }
        if (actor.supervisor() && actor.worksAt(w.branchCode) && w.operatorId != null) {
            return;
        }
        if (w.operatorId == null) {
            throw ProblemException.conflict("window-not-staffed", "Nobody is signed in at window " + w.number,
                    Text.of("Алдымен терезеде жүйеге кіріңіз", "Сначала войдите в систему за этим окном"));
        }
        throw ProblemException.forbidden("Window " + w.number + " is staffed by someone else");
    }

    private static ProblemException windowBusy(ServiceWindow w) {
        return ProblemException.conflict("window-busy", "Window " + w.number + " has a ticket called or in service",
                Text.of("Алдымен ағымдағы талонды аяқтаңыз", "Сначала завершите текущий талон"));
    }

    private static ProblemException illegal() {
        return ProblemException.conflict("illegal-ticket-transition", "This action is not allowed in the ticket's status",
                Text.of("Талонның қазіргі күйінде бұл әрекет мүмкін емес",
                        "В текущем состоянии талона это действие невозможно"));
    }
}
