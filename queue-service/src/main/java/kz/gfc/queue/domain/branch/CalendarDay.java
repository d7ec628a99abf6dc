package kz.gfc.queue.domain.branch;

import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A day that differs from the ordinary week: a holiday, a transferred day off, or a transferred working day (R3). */
@Entity
@Table(name = "calendar_day")
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
}
