package kz.gfc.queue.domain.booking;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import kz.gfc.kit.events.Outbox;
import kz.gfc.kit.iin.Iin;
import kz.gfc.kit.iin.Pseudonymizer;
import kz.gfc.kit.problem.Language;
import kz.gfc.kit.problem.Problem;
import kz.gfc.kit.problem.ProblemException;
import kz.gfc.kit.problem.Text;
import kz.gfc.queue.events.BookingCancelled;
import kz.gfc.queue.events.BookingCheckedIn;
import kz.gfc.queue.events.BookingMade;
import kz.gfc.queue.domain.Actor;
import kz.gfc.queue.domain.QueueConfig;
import kz.gfc.queue.domain.branch.BranchReference;
import kz.gfc.queue.domain.branch.BranchSchedule;
import kz.gfc.queue.domain.branch.Branches;
import kz.gfc.queue.domain.branch.CategoryReference;
import kz.gfc.queue.domain.branch.ServiceCategory;
import kz.gfc.queue.domain.branch.WorkingHours;
import kz.gfc.queue.domain.ticket.Ticket;
import kz.gfc.queue.domain.ticket.TicketService;
import kz.gfc.queue.domain.ticket.TicketState;

/**
 * R12: booking a visit and the digital ticket it becomes.
 *
 * <ul>
 * <li>Slots lie within the branch's working hours (R3), one per {@code slot-minutes}, with
 * {@code seats-per-slot} seats; a seat is taken by {@code UPDATE ... WHERE booked < capacity},
 * which PostgreSQL re-checks on the locked row, so a slot is never over-booked.</li>
 * <li>At most one active booking per IIN and category within {@code limit-span} (10 days),
 * checked under an advisory lock on the IIN and category so two requests cannot both pass.</li>
 * <li>Check-in from {@code check-in-early} before to {@code check-in-late} after the slot gives
 * a ticket that is called first once its slot has come; later, an ordinary ticket.</li>
 * </ul>
 */
@ApplicationScoped
public class BookingService {

    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    private final EntityManager em;
    private final Branches branches;
    private final BranchSchedule schedule;
    private final TicketService tickets;
    private final Pseudonymizer pseudonymizer;
    private final Outbox outbox;
    private final QueueConfig config;
    private final Clock clock;

    public BookingService(EntityManager em, Branches branches, BranchSchedule schedule, TicketService tickets,
            Pseudonymizer pseudonymizer, Outbox outbox, QueueConfig config, Clock clock) {
        this.em = em;
        this.branches = branches;
        this.schedule = schedule;
        this.tickets = tickets;
        this.pseudonymizer = pseudonymizer;
        this.outbox = outbox;
        this.config = config;
        this.clock = clock;
    }

    public record Slot(ZonedDateTime startsAt, ZonedDateTime endsAt, int capacity, int free) {
    }

    public record BookCommand(String branchCode, String categoryCode, OffsetDateTime slotStart, Iin iin, Language language,
            String ownerId) {
    }

    public record CheckIn(Booking booking, TicketState ticket, boolean late) {
    }

    /** Free slots of one day; empty on a day the branch does not work. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Slot> slots(String branchCode, LocalDate date, String categoryCode) {
        BranchReference branch = branches.branch(branchCode);
        CategoryReference category = branches.servedCategory(branch, categoryCode);
        ZonedDateTime now = schedule.now(branch);
        if (date.isBefore(now.toLocalDate())) {
            throw invalid("date-in-past", "date", "The date is in the past",
                    Text.of("Өткен күнге жазылу мүмкін емес", "Нельзя записаться на прошедшую дату"));
        }
        requireWithinHorizon(now, date.atStartOfDay(branch.zone()), "date");
        Map<Instant, BookingSlot> taken = new HashMap<>();
        for (BookingSlot s : BookingSlot.<BookingSlot>list("branchCode = ?1 and categoryCode = ?2 and startsAt >= ?3 and startsAt < ?4",
                branch.code, category.code, date.atStartOfDay(branch.zone()).toInstant(),
                date.plusDays(1).atStartOfDay(branch.zone()).toInstant())) {
            taken.put(s.startsAt, s);
        }
        List<Slot> out = new ArrayList<>();
        for (ZonedDateTime start : slotStarts(branch, date)) {
            if (!start.isAfter(now)) {
                continue;
            }
            BookingSlot row = taken.get(start.toInstant());
            int capacity = row == null ? config.booking().seatsPerSlot() : row.capacity;
            int booked = row == null ? 0 : row.booked;
            out.add(new Slot(start, start.plusMinutes(config.booking().slotMinutes()), capacity, capacity - booked));
        }
        return out;
    }

    List<ZonedDateTime> slotStarts(BranchReference branch, LocalDate date) {
        List<ZonedDateTime> starts = new ArrayList<>();
        Optional<WorkingHours.Interval> hours = schedule.hoursOn(branch, date);
        if (hours.isEmpty()) {
            return starts;
        }
        int step = config.booking().slotMinutes();
        for (LocalTime t = hours.get().opens(); !t.plusMinutes(step).isAfter(hours.get().closes())
                && !t.plusMinutes(step).equals(LocalTime.MIDNIGHT); t = t.plusMinutes(step)) {
            starts.add(date.atTime(t).atZone(branch.zone()));
        }
        return starts;
    }

    @Transactional
    public Booking book(BookCommand c) {
        BranchReference branch = branches.branch(c.branchCode());
        CategoryReference category = branches.servedCategory(branch, c.categoryCode());
        ZonedDateTime start = c.slotStart().atZoneSameInstant(branch.zone());
        ZonedDateTime now = schedule.now(branch);
        if (!start.isAfter(now)) {
            throw invalid("booking-in-past", "slotStart", "The slot is in the past",
                    Text.of("Өткен уақытқа жазылу мүмкін емес", "Нельзя записаться на прошедшее время"));
        }
        requireWithinHorizon(now, start, "slotStart");
        schedule.requireOpen(branch, start);
        if (!slotStarts(branch, start.toLocalDate()).contains(start)) {
            throw invalid("not-a-slot", "slotStart", "Slots start every " + config.booking().slotMinutes()
                    + " minutes from opening", Text.of("Мұндай жазылу уақыты жоқ", "Такого времени записи нет"));
        }
        // Serialise bookings of one person and category, so the limit below cannot be raced past.
        // The account's lock first, then the person's: every booking takes them in this order.
        String applicant = pseudonymizer.pseudonym(c.iin());
        em.createNativeQuery("SELECT 1 FROM (SELECT pg_advisory_xact_lock(hashtext(:key))) l")
                .setParameter("key", "bookings-of:" + c.ownerId()).getSingleResult();
        int cap = config.booking().maxActivePerAccount();
        if (Booking.count("ownerId = ?1 and status = ?2", c.ownerId(), Booking.Status.ACTIVE) >= cap) {
            throw ProblemException.conflict("booking-cap-reached",
                    "An account may hold at most " + cap + " active bookings at once",
                    Text.of("Бір уақытта " + cap + " белсенді жазылудан артық болмайды",
                            "Одновременно можно иметь не более " + cap + " активных записей"));
        }
        em.createNativeQuery("SELECT 1 FROM (SELECT pg_advisory_xact_lock(hashtext(:key))) l")
                .setParameter("key", "booking:" + applicant + ":" + category.code).getSingleResult();
        long near = Booking.count("applicantPseudonym = ?1 and categoryCode = ?2 and status = ?3 and slotStart > ?4"
                + " and slotStart < ?5", applicant, category.code, Booking.Status.ACTIVE,
                start.toInstant().minus(config.booking().limitSpan()), start.toInstant().plus(config.booking().limitSpan()));
        if (near > 0) {
            throw ProblemException.conflict("booking-limit",
                    "One active booking per IIN and category within " + config.booking().limitSpan().toDays() + " days",
                    Text.of("Бұл қызметке 10 күн ішінде тек бір рет жазылуға болады",
                            "На эту услугу можно записаться только один раз в 10 дней"));
        }
        em.createNativeQuery("INSERT INTO booking_slot (branch_code, category_code, starts_at, capacity)"
                + " VALUES (:branch, :category, :start, :capacity) ON CONFLICT (branch_code, category_code, starts_at) DO NOTHING")
                .setParameter("branch", branch.code)
                .setParameter("category", category.code)
                .setParameter("start", start.toInstant())
                .setParameter("capacity", config.booking().seatsPerSlot())
                .executeUpdate();
        @SuppressWarnings("unchecked")
        List<Number> seat = em.createNativeQuery("UPDATE booking_slot SET booked = booked + 1 WHERE branch_code = :branch"
                + " AND category_code = :category AND starts_at = :start AND booked < capacity RETURNING id")
                .setParameter("branch", branch.code)
                .setParameter("category", category.code)
                .setParameter("start", start.toInstant())
                .getResultList();
        if (seat.isEmpty()) {
            throw ProblemException.conflict("slot-full", "No free seat left in this slot",
                    Text.of("Бұл уақытта бос орын қалмады, басқа уақытты таңдаңыз",
                            "На это время мест нет, выберите другое время"));
        }
        Booking b = new Booking();
        b.id = UUID.randomUUID();
        b.slotId = seat.get(0).longValue();
        b.branchCode = branch.code;
        b.categoryCode = category.code;
        b.slotStart = start.toInstant();
        b.applicantPseudonym = applicant;
        b.ownerId = c.ownerId();
        b.language = c.language().code();
        b.status = Booking.Status.ACTIVE;
        b.createdAt = clock.instant();
        b.persist();
        outbox.publish(BookingMade.of(b));
        return b;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Booking get(UUID id, Actor actor) {
        Booking b = Booking.findById(id);
        if (b == null || (!actor.worksAt(b.branchCode) && !actor.id().equals(b.ownerId))) {
            throw ProblemException.notFound("booking", "");
        }
        return b;
    }

    /** The owner frees the seat. */
    @Transactional
    public Booking cancel(UUID id, Actor actor) {
        Booking b = lock(id, actor);
        if (b.status != Booking.Status.ACTIVE) {
            throw notActive();
        }
        b.status = Booking.Status.CANCELLED;
        em.createNativeQuery("UPDATE booking_slot SET booked = booked - 1 WHERE id = :id AND booked > 0")
                .setParameter("id", b.slotId).executeUpdate();
        outbox.publish(BookingCancelled.of(b, clock.instant()));
        return b;
    }

    /** R12 digital ticket: the booking becomes a ticket; in the window it is called first once its slot comes. */
    @Transactional
    public CheckIn checkIn(UUID id, Actor actor) {
        Booking b = lock(id, actor);
        if (b.status != Booking.Status.ACTIVE) {
            throw notActive();
        }
        BranchReference branch = branches.branch(b.branchCode);
        CategoryReference category = branches.category(b.categoryCode);
        Instant now = clock.instant();
        Instant opens = b.slotStart.minus(config.booking().checkInEarly());
        if (now.isBefore(opens)) {
            String at = HH_MM.format(opens.atZone(branch.zone()));
            throw ProblemException.conflict("check-in-too-early", "Check-in opens at " + opens.atZone(branch.zone()),
                    Text.of("Жазылуды растау " + at + "-де басталады", "Подтвердить запись можно с " + at));
        }
        schedule.requireOpen(branch, now.atZone(branch.zone()));
        boolean late = now.isAfter(b.slotStart.plus(config.booking().checkInLate()));
        Language lang = Language.parse(b.language);
        Ticket t = late
                ? tickets.issueIn(branch, category, ordinaryChannel(category), lang, null, null, b.applicantPseudonym, b.ownerId, null, null)
                : tickets.issueIn(branch, category, Ticket.Channel.BOOKING, lang, null, null, b.applicantPseudonym, b.ownerId, b.id, b.slotStart);
        b.status = late ? Booking.Status.LATE : Booking.Status.CHECKED_IN;
        b.ticketId = t.id;
        outbox.publish(BookingCheckedIn.of(b, late, now));
        return new CheckIn(b, tickets.state(t), late);
    }

    private static Ticket.Channel ordinaryChannel(CategoryReference category) {
        return category.kind == ServiceCategory.Kind.REMOTE_VIDEO ? Ticket.Channel.REMOTE_VIDEO : Ticket.Channel.MOBILE;
    }

    private Booking lock(UUID id, Actor actor) {
        Booking b = em.find(Booking.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (b == null || (!actor.id().equals(b.ownerId) && !actor.worksAt(b.branchCode))) {
            throw ProblemException.notFound("booking", "");
        }
        return b;
    }

    private void requireWithinHorizon(ZonedDateTime now, ZonedDateTime at, String field) {
        if (at.isAfter(now.plus(config.booking().horizon()))) {
            throw invalid("beyond-booking-horizon", field,
                    "Bookings are open " + config.booking().horizon().toDays() + " days ahead",
                    Text.of("Жазылу " + config.booking().horizon().toDays() + " күн алдын ала ғана ашық",
                            "Запись открыта только на " + config.booking().horizon().toDays() + " дней вперёд"));
        }
    }

    static ProblemException invalid(String code, String field, String detail, Text message) {
        return ProblemException.unprocessable(code, detail, message, new Problem.FieldError(field, detail));
    }

    private static ProblemException notActive() {
        return ProblemException.conflict("booking-not-active", "The booking is no longer active",
                Text.of("Жазылу енді белсенді емес", "Запись больше не действует"));
    }
}
