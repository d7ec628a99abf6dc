package kz.gfc.queue.domain.window;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import kz.gfc.kit.problem.ProblemException;

/**
 * A workplace (терезе / окно). While an operator is signed in, their full name and position
 * are its nameplate, shown with every call (R6).
 */
@Entity
@Table(name = "service_window")
public class ServiceWindow extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "branch_code", nullable = false)
    public String branchCode;
    @Column(nullable = false)
    public int number;
    @Column(name = "operator_id")
    public String operatorId;
    @Column(name = "operator_name")
    public String operatorName;
    @Column(name = "operator_position")
    public String operatorPosition;
    @Column(name = "signed_in_at")
    public Instant signedInAt;
    /** Priority calls in a row at this window, for CallOrder's starvation bound. */
    @Column(name = "priority_streak", nullable = false)
    public int priorityStreak;

    /** Set while the operator is on a break: the window calls nobody and counts as closed for wait bands. */
    @Column(name = "paused_at")
    public Instant pausedAt;
    @Column(name = "pause_reason")
    public String pauseReason;

    /** Set when an administrator took the window out of service; history keeps pointing at it. */
    @Column(name = "retired_at")
    public Instant retiredAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "window_category", joinColumns = @JoinColumn(name = "window_id"))
    @Column(name = "category_code")
    public Set<String> categories = new HashSet<>();

    /** A window in service, locked for the rest of the transaction; a retired one is gone (404). */
    public static ServiceWindow lockInService(long id) {
        ServiceWindow w = findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (w == null || w.retiredAt != null) {
            throw ProblemException.notFound("window", id);
        }
        return w;
    }

    public boolean staffed() {
        return operatorId != null;
    }

    public boolean paused() {
        return pausedAt != null;
    }
}
