package kz.gfc.queue.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

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
}
