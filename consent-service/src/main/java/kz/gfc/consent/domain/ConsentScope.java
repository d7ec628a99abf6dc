package kz.gfc.consent.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A kind of protected data a consent may name (tax secret, medical secret…): reference data, not code. */
@Entity
@Table(name = "consent_scope")
public class ConsentScope extends PanacheEntityBase {

    @Id
    public String code;
    @Column(name = "name_kk", nullable = false)
    public String nameKk;
    @Column(name = "name_ru", nullable = false)
    public String nameRu;

    public String name(String language) {
        return "kk".equals(language) ? nameKk : nameRu;
    }
}
