package kz.gfc.queue.domain.window;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One call and the {@link CallOrder.Rule} that chose it: the queue's fairness, auditable afterwards. */
@Entity
@Table(name = "call_decision")
public class CallDecision extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "ticket_id", nullable = false)
    public UUID ticketId;
    @Column(name = "window_id", nullable = false)
    public Long windowId;
    @Column(name = "branch_code", nullable = false)
    public String branchCode;
    @Column(name = "category_code", nullable = false)
    public String categoryCode;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public CallOrder.Rule rule;
    /** The window's run of priority calls before this decision. */
    @Column(name = "priority_streak", nullable = false)
    public int priorityStreak;
    @Column(name = "operator_id", nullable = false)
    public String operatorId;
    @Column(name = "decided_at", nullable = false)
    public Instant decidedAt;
    /** Why the operator called this ticket out of order; only for {@code BY_NUMBER}. */
    public String reason;
}
