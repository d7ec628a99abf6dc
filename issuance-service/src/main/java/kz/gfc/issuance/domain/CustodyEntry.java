package kz.gfc.issuance.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One link of a package's custody chain: who moved it, where, when, and the hash binding it to the link before. */
@Entity
@Table(name = "custody_entry")
public class CustodyEntry extends PanacheEntityBase {

    @Id
    public UUID id;
    @ManyToOne(optional = false)
    @JoinColumn(name = "package_id")
    public DocumentPackage pkg;
    @Column(nullable = false)
    public int seq;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Movement movement;
    @Enumerated(EnumType.STRING)
    @Column(name = "from_status", nullable = false)
    public PackageStatus fromStatus;
    @Enumerated(EnumType.STRING)
    @Column(name = "to_status", nullable = false)
    public PackageStatus toStatus;
    @Column(name = "branch_code", nullable = false)
    public String branchCode;
    @Column(name = "window_no")
    public Integer window;
    @Column(name = "actor_id", nullable = false)
    public String actorId;
    @Column(nullable = false)
    public Instant at;
    @Column(name = "prev_hash", nullable = false)
    public String prevHash;
    @Column(nullable = false)
    public String hash;
}
