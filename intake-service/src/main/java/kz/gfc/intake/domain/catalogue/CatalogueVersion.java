package kz.gfc.intake.domain.catalogue;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A published state of the whole catalogue: a release file loaded, or an admin's edit. */
@Entity
@Table(name = "catalogue_version")
public class CatalogueVersion extends PanacheEntityBase {

    @Id
    public int version;
    /** {@code release:<file>} for a data file, {@code edit:<code>} for an admin's change. */
    @Column(nullable = false)
    public String source;
    @Column(name = "published_at", nullable = false)
    public Instant publishedAt;
    @Column(name = "published_by", nullable = false)
    public String publishedBy;
    public String note;
}
