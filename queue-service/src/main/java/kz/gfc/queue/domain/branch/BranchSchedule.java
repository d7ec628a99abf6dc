package kz.gfc.queue.domain.branch;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.quarkus.panache.common.Sort;
import kz.gfc.kit.problem.ProblemException;
import kz.gfc.kit.problem.Text;

/**
 * R3 applied to a branch: its {@link WorkingHours} in its own time zone with the working
 * calendar read from {@code calendar_day}, so an edited calendar takes effect without a release.
 * The calendar's one home: read here on every use (never kept in memory), edited here by admins.
 */
@ApplicationScoped
public class BranchSchedule {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private final Clock clock;

    public BranchSchedule(Clock clock) {
        this.clock = clock;
    }

    public ZonedDateTime now(BranchReference branch) {
        return Instant.now(clock).atZone(branch.zone());
    }

    public LocalDate today(BranchReference branch) {
        return now(branch).toLocalDate();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Function<LocalDate, CalendarDay.Kind> calendar(LocalDate from, LocalDate to) {
        Map<LocalDate, CalendarDay.Kind> days = new HashMap<>();
        List<CalendarDay> list = CalendarDay.list("day >= ?1 and day <= ?2", from, to);
        for (CalendarDay d : list) {
            days.put(d.day, d.kind);
        }
        return days::get;
    }

    public Optional<WorkingHours.Interval> hoursOn(BranchReference branch, LocalDate date) {
        return WorkingHours.on(branch.scheduleKind, date, calendar(date, date).apply(date));
    }

    public boolean isOpen(BranchReference branch, ZonedDateTime at) {
        return WorkingHours.isOpen(branch.scheduleKind, at, calendar(at.toLocalDate(), at.toLocalDate()));
    }

    public Optional<ZonedDateTime> nextOpening(BranchReference branch, ZonedDateTime from) {
        return WorkingHours.nextOpening(branch.scheduleKind, from,
                calendar(from.toLocalDate(), from.toLocalDate().plusDays(45)));
    }

    /** Throws R3's 409 when the branch is closed at {@code at}, saying when it opens next (kk/ru). */
    public void requireOpen(BranchReference branch, ZonedDateTime at) {
        if (!isOpen(branch, at)) {
            throw closed(branch, at);
        }
    }

    private ProblemException closed(BranchReference branch, ZonedDateTime at) {
        Optional<ZonedDateTime> next = nextOpening(branch, at);
        String detail = "Branch " + branch.code + " does not work at " + at.toOffsetDateTime()
                + next.map(n -> "; it opens at " + n.toOffsetDateTime()).orElse("");
        ProblemException closed = ProblemException.conflict("branch-closed", detail, closedMessage(next));
        next.ifPresent(n -> closed.with("opensAt", n.toOffsetDateTime().toString()));
        return closed;
    }

    /**
     * Walk-in and app tickets stop {@code stopBefore} ahead of closing, so nobody takes a ticket
     * that cannot be served today; R3's 409 when closed. Booked visits are not held to it.
     */
    public void requireTicketIssue(BranchReference branch, ZonedDateTime at, java.time.Duration stopBefore) {
        // one read of the calendar for both questions: this runs on every ticket issued
        LocalDate day = at.toLocalDate();
        Function<LocalDate, CalendarDay.Kind> calendar = calendar(day, day);
        if (!WorkingHours.isOpen(branch.scheduleKind, at, calendar)) {
            throw closed(branch, at);
        }
        Optional<WorkingHours.Interval> hours = WorkingHours.on(branch.scheduleKind, day, calendar.apply(day));
        if (hours.isEmpty() || stopBefore.isZero() || stopBefore.isNegative()) {
            return;
        }
        java.time.LocalTime closes = hours.get().closes();
        ZonedDateTime closing = closes.equals(java.time.LocalTime.MIDNIGHT)
                ? at.toLocalDate().plusDays(1).atStartOfDay(at.getZone())
                : at.toLocalDate().atTime(closes).atZone(at.getZone());
        if (at.plus(stopBefore).isBefore(closing)) {
            return;
        }
        long minutes = stopBefore.toMinutes();
        String closesAt = TIME.format(closing);
        ProblemException stopped = ProblemException.conflict("ticket-issue-stopped",
                "Tickets stop " + minutes + " min before closing; branch " + branch.code + " closes at " + closesAt,
                Text.of("Талон беру жабылуға " + minutes + " минут қалғанда тоқтатылады: филиал " + closesAt
                                + "-де жабылады",
                        "Выдача талонов прекращается за " + minutes + " мин до закрытия: филиал закрывается в "
                                + closesAt));
        nextOpening(branch, closing).ifPresent(n -> stopped.with("opensAt", n.toOffsetDateTime().toString()));
        throw stopped;
    }

    /** The days of one year that differ from the ordinary week. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<CalendarDay> year(int year) {
        return CalendarDay.list("day >= ?1 and day < ?2", Sort.by("day"), LocalDate.of(year, 1, 1),
                LocalDate.of(year + 1, 1, 1));
    }

    @Transactional
    public CalendarDay putDay(LocalDate day, CalendarDay.Kind kind, String nameKk, String nameRu) {
        CalendarDay d = CalendarDay.findById(day);
        boolean created = d == null;
        if (created) {
            d = new CalendarDay();
            d.day = day;
        }
        d.kind = kind;
        d.nameKk = nameKk;
        d.nameRu = nameRu;
        if (created) {
            d.persist();
        }
        return d;
    }

    @Transactional
    public boolean deleteDay(LocalDate day) {
        return CalendarDay.deleteById(day);
    }

    static Text closedMessage(Optional<ZonedDateTime> next) {
        if (next.isEmpty()) {
            return Text.of("Филиал қазір жұмыс істемейді", "Филиал сейчас не работает");
        }
        ZonedDateTime n = next.get();
        return Text.of(
                "Филиал қазір жұмыс істемейді. Ол " + DATE.format(n) + ", " + dayKk(n.getDayOfWeek())
                        + ", сағат " + TIME.format(n) + "-де ашылады",
                "Филиал сейчас не работает. Он откроется " + DATE.format(n) + " (" + dayRu(n.getDayOfWeek())
                        + ") в " + TIME.format(n));
    }

    static String dayKk(DayOfWeek d) {
        return switch (d) {
            case MONDAY -> "дүйсенбі";
            case TUESDAY -> "сейсенбі";
            case WEDNESDAY -> "сәрсенбі";
            case THURSDAY -> "бейсенбі";
            case FRIDAY -> "жұма";
            case SATURDAY -> "сенбі";
            case SUNDAY -> "жексенбі";
        };
    }

    static String dayRu(DayOfWeek d) {
        return switch (d) {
            case MONDAY -> "понедельник";
            case TUESDAY -> "вторник";
            case WEDNESDAY -> "среда";
            case THURSDAY -> "четверг";
            case FRIDAY -> "пятница";
            case SATURDAY -> "суббота";
            case SUNDAY -> "воскресенье";
        };
    }
}
