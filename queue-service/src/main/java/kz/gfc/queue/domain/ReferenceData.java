package kz.gfc.queue.domain;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.quarkus.panache.common.Sort;
import kz.gfc.kit.problem.Problem;
import kz.gfc.kit.problem.ProblemException;
import kz.gfc.kit.problem.Text;

/**
 * Reference data an administrator edits without a release: branches, categories, windows
 * and the working calendar (R3 says the holiday calendar is data).
 */
@ApplicationScoped
public class ReferenceData {

    @Inject
    Catalogue catalogue;

    public record NewBranch(String code, String nameKk, String nameRu, String region, String timeZone,
            Branch.ScheduleKind scheduleKind, Set<String> categories) {
    }

    @Transactional
    public Branch createBranch(NewBranch n) {
        if (Branch.findById(n.code()) != null) {
            throw ProblemException.conflict("branch-exists", "Branch " + n.code() + " exists",
                    Text.of("Мұндай филиал бар", "Такой филиал уже есть"));
        }
        Branch b = new Branch();
        b.code = n.code();
        b.nameKk = n.nameKk();
        b.nameRu = n.nameRu();
        b.region = n.region();
        b.timeZone = zone(n.timeZone());
        b.scheduleKind = n.scheduleKind();
        b.mode = Branch.Mode.ELECTRONIC;
        b.categories = categories(n.categories());
        b.persist();
        return b;
    }

    @Transactional
    public Branch setBranchCategories(String code, Set<String> categories) {
        Branch b = catalogue.branch(code);
        b.categories.clear();
        b.categories.addAll(categories(categories));
        return b;
    }

    @Transactional
    public ServiceWindow createWindow(String branchCode, int number, Set<String> categories) {
        Branch b = catalogue.branch(branchCode);
        if (ServiceWindow.count("branchCode = ?1 and number = ?2", b.code, number) > 0) {
            throw ProblemException.conflict("window-exists", "Window " + number + " exists at " + b.code,
                    Text.of("Мұндай терезе бар", "Такое окно уже есть"));
        }
        for (String c : categories) {
            catalogue.servedCategory(b, c);
        }
        ServiceWindow w = new ServiceWindow();
        w.branchCode = b.code;
        w.number = number;
        w.categories = new HashSet<>(categories);
        w.persist();
        return w;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ServiceCategory> categories() {
        return ServiceCategory.listAll(Sort.by("code"));
    }

    @Transactional
    public ServiceCategory putCategory(ServiceCategory given) {
        ServiceCategory c = ServiceCategory.findById(given.code);
        boolean created = c == null;
        if (created) {
            c = new ServiceCategory();
            c.code = given.code;
        }
        if (ServiceCategory.count("letter = ?1 and code <> ?2", given.letter, given.code) > 0) {
            throw ProblemException.conflict("letter-taken", "Letter " + given.letter + " belongs to another category",
                    Text.of("Бұл әріп басқа санатқа берілген", "Эта буква уже занята другой категорией"));
        }
        c.letter = given.letter;
        c.nameKk = given.nameKk;
        c.nameRu = given.nameRu;
        c.kind = given.kind;
        c.expectedMinutes = given.expectedMinutes;
        if (created) {
            c.persist();
        }
        return c;
    }

    @Transactional
    public CalendarDay putCalendarDay(LocalDate day, CalendarDay.Kind kind, String nameKk, String nameRu) {
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
    public boolean deleteCalendarDay(LocalDate day) {
        return CalendarDay.deleteById(day);
    }

    private Set<String> categories(Set<String> codes) {
        Set<String> out = new HashSet<>();
        for (String code : codes == null ? Set.<String>of() : codes) {
            out.add(catalogue.category(code).code);
        }
        return out;
    }

    private static String zone(String id) {
        try {
            return ZoneId.of(id == null ? "Asia/Almaty" : id).getId();
        } catch (RuntimeException e) {
            throw ProblemException.unprocessable("unknown-time-zone", "Unknown time zone " + id,
                    Text.of("Уақыт белдеуі белгісіз", "Неизвестный часовой пояс"),
                    new Problem.FieldError("timeZone", "not a known zone id"));
        }
    }
}
