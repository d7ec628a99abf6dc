package kz.gfc.intake.domain;

import java.math.BigDecimal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** An entry of the state Registry of public services (R4) with its parameters from its act (R5). */
@Entity
@Table(name = "catalogue_service")
public class CatalogueService extends PanacheEntityBase {

    @Id
    public String code;
    @Column(name = "name_kk", nullable = false)
    public String nameKk;
    @Column(name = "name_ru", nullable = false)
    public String nameRu;
    @Column(nullable = false)
    public String provider;
    @Column(name = "term_working_days")
    public Integer termWorkingDays;
    @Column(name = "term_minutes")
    public Integer termMinutes;
    @Column(name = "fee_mrp", nullable = false)
    public BigDecimal feeMrp;
    @Column(name = "delivery_mode", nullable = false)
    public String deliveryMode;
    @Column(name = "result_kind", nullable = false)
    public String resultKind;
    @Column(nullable = false)
    public boolean additional;
    @Version
    public long version;
}
