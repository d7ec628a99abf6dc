package kz.gfc.queue.domain.ticket;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Generated;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import kz.gfc.queue.domain.window.CallOrder;

/**
 * A queue ticket (талон), electronic or posted afterwards from the live queue (R6). Its
 * status only changes through {@link TicketStatus#requireMove}.
 */
@Entity
@Table(name = "ticket")
public class Ticket extends PanacheEntityBase {

    /** ELECTRONIC: issued by this service; LIVE: a hand-numbered ticket posted afterwards (R6). */
    public enum Source { ELECTRONIC, LIVE }

    public enum Channel { WALK_IN, MOBILE, BOOKING, REMOTE_VIDEO }

    @Id
    public UUID id;
    @Column(name = "branch_code", nullable = false)
    public String branchCode;
    @Column(name = "category_code", nullable = false)
    public String categoryCode;
    /** The category it was issued for; its letter stays in the number after a transfer. */
    @Column(name = "original_category", nullable = false)
    public String originalCategory;
    /** Set by a transfer that asked to come back to the first category once served. */
    @Column(name = "return_category")
    public String returnCategory;
    @Column(nullable = false)
    public String number;
    @Column(name = "service_day", nullable = false)
    public LocalDate serviceDay;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Source source;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Channel channel;
    @Column(nullable = false)
    public String language;
    @Enumerated(EnumType.STRING)
    @Column(name = "priority_reason")
    public PriorityReason priorityReason;
    /** The ground's weight in the call order: 0 until the ground is verified. */
    @Column(name = "priority_weight", nullable = false)
    public int priorityWeight;
    @Enumerated(EnumType.STRING)
    @Column(name = "priority_status")
    public PriorityStatus priorityStatus;
    @Column(name = "priority_decided_by")
    public String priorityDecidedBy;
    @Column(name = "priority_decided_at")
    public Instant priorityDecidedAt;
    @Column(name = "priority_note")
    public String priorityNote;

    /**
     * Staff confirm or withdraw the ticket's priority ground (R12) — a decision on the record,
     * with who took it, when and why. A verified ground weighs in the call order from now on.
     */
    public void decidePriority(boolean verified, String by, Instant at, String note) {
        priorityStatus = verified ? PriorityStatus.VERIFIED : PriorityStatus.WITHDRAWN;
        priorityWeight = verified ? priorityReason.weight() : 0;
        priorityDecidedBy = by;
        priorityDecidedAt = at;
        priorityNote = note;
    }
    /** The keyed pseudonym of the applicant's IIN, if one was given: queue keeps no IIN (R23). */
    @Column(name = "applicant_pseudonym")
    public String applicantPseudonym;
    @Column(name = "owner_id", nullable = false)
    public String ownerId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public TicketStatus status;
    @Column(name = "queue_at", nullable = false)
    public Instant queueAt;
    /** Issue order from the database: breaks ties between equal {@link #queueAt}s. */
    @Generated
    @Column(name = "issue_seq", insertable = false, updatable = false)
    public Long issueSeq;
    @Column(name = "issued_at", nullable = false)
    public Instant issuedAt;
    @Column(name = "booking_id")
    public UUID bookingId;
    /** For a checked-in booking: the slot, which makes it due from that moment (CallOrder rule 1). */
    @Column(name = "slot_start")
    public Instant slotStart;
    /** A transfer to a specific window: only that window may call it. */
    @Column(name = "target_window_id")
    public Long targetWindowId;
    @Column(name = "window_id")
    public Long windowId;
    @Column(name = "operator_id")
    public String operatorId;
    @Column(name = "first_called_at")
    public Instant firstCalledAt;
    @Column(name = "called_at")
    public Instant calledAt;
    @Column(name = "started_at")
    public Instant startedAt;
    @Column(name = "completed_at")
    public Instant completedAt;
    @Column(name = "no_show_at")
    public Instant noShowAt;
    @Column(name = "cancelled_at")
    public Instant cancelledAt;
    @Column(name = "expired_at")
    public Instant expiredAt;
    @Column(name = "served_seconds")
    public Integer servedSeconds;
    @Column(nullable = false)
    public int recalls;
    @Column(nullable = false)
    public int postpones;
    @Column(name = "application_id")
    public String applicationId;
    /** R12: the video room shared by the operator and the citizen of a REMOTE_VIDEO ticket. */
    @Column(name = "room_reference")
    public String roomReference;
    @Column(name = "hand_number")
    public String handNumber;

    public void moveTo(TicketStatus next) {
        status = TicketStatus.requireMove(status, next);
    }

    /** Called to a window: by the call order, by number, or again after a transfer. */
    public void call(long window, String operator, Instant at) {
        moveTo(TicketStatus.CALLED);
        windowId = window;
        operatorId = operator;
        targetWindowId = null;
        calledAt = at;
        if (firstCalledAt == null) {
            firstCalledAt = at;
        }
        recalls = 0;
    }

    public void start(Instant at) {
        moveTo(TicketStatus.IN_SERVICE);
        startedAt = at;
    }

    /**
     * The visit at this window is over: the end of the ticket, or — after a transfer with return
     * — back to the line of its first category at its old place. True when the visit ended.
     */
    public boolean finishAt(Instant at, String producedApplication) {
        if (producedApplication != null) {
            applicationId = producedApplication;
        }
        if (returnCategory != null) {
            categoryCode = returnCategory;
            returnCategory = null;
            moveTo(TicketStatus.WAITING);
            windowId = null;
            startedAt = null;
            return false;
        }
        moveTo(TicketStatus.COMPLETED);
        completedAt = at;
        servedSeconds = (int) java.time.Duration.between(startedAt, at).toSeconds();
        return true;
    }

    public void noShow(Instant at) {
        moveTo(TicketStatus.NO_SHOW);
        noShowAt = at;
    }
}
