package kz.gfc.queue.domain.window;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * The staff directory's line for one member of staff, by login: the position printed on their
 * window's nameplate (R6). Their name is their token's; neither comes from a request body.
 */
@Entity
@Table(name = "staff_member")
public class StaffMember extends PanacheEntityBase {

    @Id
    public String login;
    @Column(name = "branch_code", nullable = false)
    public String branchCode;
    @Column(nullable = false)
    public String position;
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
