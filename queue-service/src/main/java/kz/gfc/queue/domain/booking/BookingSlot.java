package kz.gfc.queue.domain.booking;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** R12: a bookable time of one category at one branch; seats are taken by a conditional UPDATE only. */
@Entity
@Table(name = "booking_slot")
public class BookingSlot extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "branch_code", nullable = false)
    public String branchCode;
    @Column(name = "category_code", nullable = false)
    public String categoryCode;
    @Column(name = "starts_at", nullable = false)
    public Instant startsAt;
    @Column(nullable = false)
    public int capacity;
    @Column(nullable = false)
    public int booked;
}
