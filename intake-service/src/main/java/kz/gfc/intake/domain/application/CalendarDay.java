package kz.gfc.intake.domain.application;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A day of intake's copy of the working calendar: queue-service's data (HolidayMirror), or
 * the seed a migration put in for a start while queue is unreachable.
 */
@Entity
@Table(name = "holiday_calendar")
public class CalendarDay extends PanacheEntityBase {

    public enum Kind { HOLIDAY, DAY_OFF, WORKING_DAY }

    @Id
    public LocalDate day;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Kind kind;
    @Column(name = "name_kk", nullable = false)
    public String nameKk;
    @Column(name = "name_ru", nullable = false)
    public String nameRu;
    /** SEED or QUEUE. */
    @Column(nullable = false)
    public String source;
    @Column(name = "synced_at")
    public Instant syncedAt;
}
