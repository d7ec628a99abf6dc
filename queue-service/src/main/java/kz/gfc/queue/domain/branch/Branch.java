package kz.gfc.queue.domain.branch;

import java.util.HashSet;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import kz.gfc.kit.problem.Text;

/** A public service centre (ХҚКО / ЦОН) with its schedule kind (R3) and queue mode (R6). */
@Entity
@Table(name = "branch")
public class Branch extends PanacheEntityBase {

    public enum ScheduleKind { REGULAR, DUTY }

    /** ELECTRONIC: the electronic queue; LIVE: the ordinary queue during a technical failure (R6). */
    public enum Mode { ELECTRONIC, LIVE }

    @Id
    public String code;
    @Column(name = "name_kk", nullable = false)
    public String nameKk;
    @Column(name = "name_ru", nullable = false)
    public String nameRu;
    @Column(nullable = false)
    public String region;
    @Column(name = "time_zone", nullable = false)
    public String timeZone;
    @Enumerated(EnumType.STRING)
    @Column(name = "schedule_kind", nullable = false)
    public ScheduleKind scheduleKind;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Mode mode;
    @Version
    public long version;

    /** Codes of the service categories this branch serves (a ticket for any other is refused with 422). */
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "branch_category", joinColumns = @JoinColumn(name = "branch_code"))
    @Column(name = "category_code")
    public Set<String> categories = new HashSet<>();

    public java.time.ZoneId zone() {
        return java.time.ZoneId.of(timeZone);
    }

    public Text name() {
        return Text.of(nameKk, nameRu);
    }
}
