package kz.gfc.queue.domain.branch;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

import io.quarkus.panache.common.Sort;
import kz.gfc.kit.events.Outbox;
import kz.gfc.kit.problem.Problem;
import kz.gfc.kit.problem.ProblemException;
import kz.gfc.kit.problem.Text;
import kz.gfc.queue.domain.QueueConfig;
import kz.gfc.queue.domain.ticket.Ticket;
import kz.gfc.queue.domain.ticket.TicketStatus;
import kz.gfc.queue.domain.window.ServiceWindow;
import kz.gfc.queue.domain.window.StaffMember;
import kz.gfc.queue.events.BranchModeChanged;

/**
 * The one home of the branch network's reference data, which an administrator edits without a
 * release: branches, service categories and which branch serves which, the windows and what
 * they serve, the staff directory; and each branch's queue mode (R6). Unknown → 404, not
 * served → 422, the same way for every caller.
 *
 * <p>Every ticket issued and every ticket polled needs its branch (zone, schedule kind,
 * categories) and its category, so those are read from memory ({@link #branch},
 * {@link #category}). Bound on staleness: an admin change made here empties this instance's
 * memory when its transaction ends, so the next request on this instance reads the change;
 * other instances read it at most {@code gfc.queue.reference-data-ttl} (2 s) later, since no
 * entry is used longer than that after it was read. Two things are never taken from memory:
 * the queue mode, which R6 checks on the row inside the issuing transaction ({@link #mode}),
 * and the working calendar, which {@link BranchSchedule} reads on every use (R3).
 */
@ApplicationScoped
public class Branches {

    private final EntityManager em;
    private final Outbox outbox;
    private final Clock clock;
    private final TransactionSynchronizationRegistry transactions;
    private final long ttlNanos;

    /** Bumped by every admin change; an entry read under an older generation is not used. */
    private final AtomicLong generation = new AtomicLong();
    private final Map<String, Held<BranchReference>> branchMemory = new ConcurrentHashMap<>();
    private final Map<String, Held<CategoryReference>> categoryMemory = new ConcurrentHashMap<>();

    public Branches(EntityManager em, Outbox outbox, Clock clock, TransactionSynchronizationRegistry transactions,
            QueueConfig config) {
        this.em = em;
        this.outbox = outbox;
        this.clock = clock;
        this.transactions = transactions;
        this.ttlNanos = config.referenceDataTtl().toNanos();
    }

    // ---- reads on the hot paths: from memory ----

    /** The branch as every request sees it (not its mode); 404 when unknown. */
    public BranchReference branch(String code) {
        if (code == null) {
            throw ProblemException.notFound("branch", code);
        }
        return remembered(branchMemory, code, c -> {
            Branch b = Branch.findById(c);
            if (b == null) {
                throw ProblemException.notFound("branch", c);
            }
            return new BranchReference(b);
        });
    }

    /** A service category; 404 when unknown. */
    public CategoryReference category(String code) {
        if (code == null) {
            throw ProblemException.notFound("service category", code);
        }
        return remembered(categoryMemory, code, c -> {
            ServiceCategory found = ServiceCategory.findById(c);
            if (found == null) {
                throw ProblemException.notFound("service category", c);
            }
            return new CategoryReference(found);
        });
    }

    /** The category, if the branch serves it: 404 when unknown, 422 when not served there. */
    public CategoryReference servedCategory(BranchReference branch, String code) {
        CategoryReference c = category(code);
        if (!branch.categories.contains(c.code)) {
            throw notServed(branch.code, c.code);
        }
        return c;
    }

    /** R6: the branch's queue mode as the caller's transaction sees it, never from memory. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Branch.Mode mode(String code) {
        return em.createQuery("select b.mode from Branch b where b.code = :code", Branch.Mode.class)
                .setParameter("code", code).getResultStream().findFirst()
                .orElseThrow(() -> ProblemException.notFound("branch", code));
    }

    private <T> T remembered(Map<String, Held<T>> memory, String code, Function<String, T> read) {
        // Both taken before the read, so an entry never outlives what it could have missed:
        // the age counts from before the read, and a change made here meanwhile retires it.
        long now = System.nanoTime(); // elapsed time, not the business clock tests pin
        long gen = generation.get();
        Held<T> held = memory.get(code);
        if (held != null && held.generation == gen && now - held.readAt < ttlNanos) {
            return held.value;
        }
        T value = read.apply(code);
        memory.put(code, new Held<>(value, gen, now));
        return value;
    }

    private record Held<T>(T value, long generation, long readAt) {
    }

    /** Entries read before this transaction ends are not used again, whether it committed or not. */
    private void forgetWhenDone() {
        if (transactions.getResource(Branches.class) != null) {
            return;
        }
        transactions.putResource(Branches.class, Boolean.TRUE);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                forget();
            }
        });
    }

    private void forget() {
        generation.incrementAndGet();
        branchMemory.clear();
        categoryMemory.clear();
    }

    // ---- whole rows, mode included: for the public listing and the admin ----

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Branch> all() {
        return Branch.listAll(Sort.by("code"));
    }

    /** The branch's row as stored now, its mode included. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Branch row(String code) {
        Branch b = code == null ? null : Branch.findById(code);
        if (b == null) {
            throw ProblemException.notFound("branch", code);
        }
        return b;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ServiceCategory> categories() {
        return ServiceCategory.listAll(Sort.by("code"));
    }

    // ---- the queue mode (R6) ----

    /** R6: switch to the live queue on a technical failure, and back; the change is announced once. */
    @Transactional
    public Branch changeMode(String code, Branch.Mode mode, String actor) {
        Branch b = row(code);
        if (b.mode == mode) {
            return b;
        }
        Branch.Mode previous = b.mode;
        b.mode = mode;
        outbox.publish(new BranchModeChanged(b.code, mode.name(), previous.name(), actor, Instant.now(clock)));
        return b;
    }

    // ---- admin changes ----

    public record NewBranch(String code, String nameKk, String nameRu, String region, String timeZone,
            Branch.ScheduleKind scheduleKind, Set<String> categories) {
    }

    @Transactional
    public Branch createBranch(NewBranch n) {
        forgetWhenDone();
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
        b.categories = existingCategories(n.categories());
        b.persist();
        return b;
    }

    public record BranchChange(String nameKk, String nameRu, String region, String timeZone,
            Branch.ScheduleKind scheduleKind) {
    }

    /** Names, region, zone and schedule kind; the code is the branch's identity and never changes. */
    @Transactional
    public Branch updateBranch(String code, BranchChange change) {
        forgetWhenDone();
        Branch b = row(code);
        b.nameKk = change.nameKk();
        b.nameRu = change.nameRu();
        b.region = change.region();
        b.timeZone = zone(change.timeZone());
        b.scheduleKind = change.scheduleKind();
        return b;
    }

    /** A category a window of the branch still serves cannot be taken away: change the window first. */
    @Transactional
    public Branch setBranchCategories(String code, Set<String> categories) {
        forgetWhenDone();
        Branch b = row(code);
        Set<String> kept = existingCategories(categories);
        List<ServiceWindow> stillServing = ServiceWindow.<ServiceWindow>list("branchCode = ?1 and retiredAt is null", b.code)
                .stream().filter(w -> !kept.containsAll(w.categories)).toList();
        if (!stillServing.isEmpty()) {
            throw ProblemException.conflict("category-still-served",
                    "Windows " + stillServing.stream().map(w -> String.valueOf(w.number)).sorted().toList()
                            + " of branch " + b.code + " still serve a category being removed; change them first",
                    Text.of("Бұл қызмет түрін терезе әлі көрсетеді: алдымен терезені өзгертіңіз",
                            "Этот вид услуг ещё обслуживает окно: сначала измените окно"))
                    .with("windows", stillServing.stream().map(w -> w.number).sorted().toList());
        }
        b.categories.clear();
        b.categories.addAll(kept);
        return b;
    }

    @Transactional
    public ServiceCategory putCategory(ServiceCategory given) {
        forgetWhenDone();
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
    public ServiceWindow createWindow(String branchCode, int number, Set<String> categories) {
        Branch b = row(branchCode);
        requireFreeNumber(b.code, number, null);
        ServiceWindow w = new ServiceWindow();
        w.branchCode = b.code;
        w.number = number;
        w.categories = servedBy(b, categories);
        w.persist();
        return w;
    }

    /** Renumbers a window or changes what it serves; the operator signed in stays signed in. */
    @Transactional
    public ServiceWindow updateWindow(long id, int number, Set<String> categories) {
        ServiceWindow w = ServiceWindow.lockInService(id);
        requireFreeNumber(w.branchCode, number, w.id);
        w.number = number;
        Set<String> served = servedBy(row(w.branchCode), categories);
        w.categories.clear();
        w.categories.addAll(served);
        return w;
    }

    /**
     * Takes a window out of service. Refused while someone is signed in: the operator leaves
     * first (which in turn needs their current ticket finished), so no citizen is left at a
     * window that no longer exists.
     */
    @Transactional
    public ServiceWindow retireWindow(long id) {
        ServiceWindow w = ServiceWindow.lockInService(id);
        if (w.staffed()) {
            throw ProblemException.conflict("window-staffed",
                    "Window " + w.number + " is staffed; the operator must leave it first",
                    Text.of("Терезеде қызметкер жұмыс істеп жатыр, алдымен ол терезеден шығуы керек",
                            "За окном работает сотрудник, сначала он должен выйти"));
        }
        w.retiredAt = clock.instant();
        // Tickets sent to this very window go back to their category's queue instead of waiting forever.
        Ticket.update("targetWindowId = null where targetWindowId = ?1 and status = ?2", w.id, TicketStatus.WAITING);
        return w;
    }

    /** The staff directory: an operator's position on their nameplate, by login (R6). */
    @Transactional
    public StaffMember putStaffMember(String branchCode, String login, String position) {
        Branch branch = row(branchCode);
        StaffMember m = StaffMember.findById(login);
        if (m == null) {
            m = new StaffMember();
            m.login = login;
            m.branchCode = branch.code;
            m.position = position;
            m.updatedAt = clock.instant();
            m.persist();
            return m;
        }
        m.branchCode = branch.code;
        m.position = position;
        m.updatedAt = clock.instant();
        return m;
    }

    private void requireFreeNumber(String branchCode, int number, Long except) {
        if (ServiceWindow.count("branchCode = ?1 and number = ?2 and retiredAt is null and id <> ?3", branchCode, number,
                except == null ? -1L : except) > 0) {
            throw ProblemException.conflict("window-exists", "Window " + number + " exists at " + branchCode,
                    Text.of("Мұндай терезе бар", "Такое окно уже есть"));
        }
    }

    /** The codes given, each a category the branch serves (as stored now, not as remembered). */
    private Set<String> servedBy(Branch b, Set<String> categories) {
        Set<String> out = new HashSet<>();
        for (String code : categories) {
            ServiceCategory c = existingCategory(code);
            if (!b.categories.contains(c.code)) {
                throw notServed(b.code, c.code);
            }
            out.add(c.code);
        }
        return out;
    }

    private Set<String> existingCategories(Set<String> codes) {
        Set<String> out = new HashSet<>();
        for (String code : codes == null ? Set.<String>of() : codes) {
            out.add(existingCategory(code).code);
        }
        return out;
    }

    private static ServiceCategory existingCategory(String code) {
        ServiceCategory c = code == null ? null : ServiceCategory.findById(code);
        if (c == null) {
            throw ProblemException.notFound("service category", code);
        }
        return c;
    }

    private static ProblemException notServed(String branchCode, String categoryCode) {
        return ProblemException.unprocessable("category-not-served",
                "Branch " + branchCode + " does not serve category " + categoryCode,
                Text.of("Бұл филиал таңдалған қызмет түрін көрсетпейді",
                        "Этот филиал не оказывает выбранный вид услуг"),
                new Problem.FieldError("category", "not served by this branch"));
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
