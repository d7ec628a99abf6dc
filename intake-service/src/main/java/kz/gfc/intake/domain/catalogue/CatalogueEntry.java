package kz.gfc.intake.domain.catalogue;

import java.io.Serializable;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One service as published in one catalogue version; never changed once written. */
@Entity
@Table(name = "catalogue_entry")
@IdClass(CatalogueEntry.Key.class)
public class CatalogueEntry extends PanacheEntityBase {

    @Id
    public int version;
    @Id
    public String code;
    public String provider;
    @Column(nullable = false)
    public String kind;
    @Column(nullable = false)
    public String definition;

    public static class Key implements Serializable {
        public int version;
        public String code;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.version == version && Objects.equals(k.code, code);
        }

        @Override
        public int hashCode() {
            return Objects.hash(version, code);
        }
    }
}
