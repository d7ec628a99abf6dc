package kz.gfc.queue.domain.branch;

import java.time.ZoneId;
import java.util.Set;

import kz.gfc.kit.problem.Text;

/**
 * What every request needs to know about a branch — its names, time zone, schedule kind (R3)
 * and the categories it serves — as an immutable copy that {@link Branches} keeps in memory.
 * Its queue mode (R6) is deliberately not here: that is read from the database in the
 * transaction that depends on it ({@link Branches#mode}).
 */
public final class BranchReference {

    public final String code;
    public final String nameKk;
    public final String nameRu;
    public final String region;
    public final String timeZone;
    public final Branch.ScheduleKind scheduleKind;
    /** Codes of the service categories this branch serves. */
    public final Set<String> categories;
    private final ZoneId zone;

    BranchReference(Branch b) {
        this.code = b.code;
        this.nameKk = b.nameKk;
        this.nameRu = b.nameRu;
        this.region = b.region;
        this.timeZone = b.timeZone;
        this.scheduleKind = b.scheduleKind;
        this.categories = Set.copyOf(b.categories);
        this.zone = ZoneId.of(b.timeZone);
    }

    public ZoneId zone() {
        return zone;
    }

    public Text name() {
        return Text.of(nameKk, nameRu);
    }
}
