package kz.gfc.queue.domain.branch;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import kz.gfc.kit.problem.Text;

/**
 * What a ticket is for. The letter starts the ticket number ({@code A-017}); the expected
 * minutes seed the wait band until a branch has its own history.
 */
@Entity
@Table(name = "service_category")
public class ServiceCategory extends PanacheEntityBase {

    /** SELF_SERVICE is R11's self-service sector; REMOTE_VIDEO is R12's video-call queue. */
    public enum Kind { INTAKE, ISSUANCE, CONSULTATION, SELF_SERVICE, REMOTE_VIDEO }

    @Id
    public String code;
    @Column(nullable = false)
    public String letter;
    @Column(name = "name_kk", nullable = false)
    public String nameKk;
    @Column(name = "name_ru", nullable = false)
    public String nameRu;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Kind kind;
    @Column(name = "expected_minutes", nullable = false)
    public int expectedMinutes;

    public Text name() {
        return Text.of(nameKk, nameRu);
    }
}
