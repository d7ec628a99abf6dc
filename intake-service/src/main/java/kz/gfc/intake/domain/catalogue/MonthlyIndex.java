package kz.gfc.intake.domain.catalogue;

import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * The monthly calculation index (МРП / АЕК) from a date on: fees set in МРП follow the
 * value in force on the payment date, so the index is a dated parameter, not a constant.
 */
@Entity
@Table(name = "monthly_index")
public class MonthlyIndex extends PanacheEntityBase {

    @Id
    @Column(name = "valid_from")
    public LocalDate validFrom;
    @Column(nullable = false)
    public int tenge;
    @Column(nullable = false)
    public String basis;

    /** The value in force on {@code day}, or null when the catalogue holds none that early. */
    public static MonthlyIndex inForceOn(LocalDate day) {
        return find("validFrom <= ?1 order by validFrom desc", day).firstResult();
    }
}
