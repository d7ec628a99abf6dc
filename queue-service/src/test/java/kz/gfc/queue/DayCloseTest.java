package kz.gfc.queue;

import static kz.gfc.queue.Queue.walkIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.LocalDateTime;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import kz.gfc.kit.iin.SyntheticIins;
import kz.gfc.kit.testing.RealInfrastructure;
import kz.gfc.queue.events.BookingMissed;
import kz.gfc.queue.events.TicketExpired;
import kz.gfc.queue.domain.ticket.Ticket;
import kz.gfc.queue.domain.ticket.TicketExpiry;
import kz.gfc.queue.domain.ticket.TicketStatus;

@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class DayCloseTest extends PinnedClock {

    @Inject
    TicketExpiry expiry;

    @Inject
    EntityManager em;

    @Test
    void ticketsLeftOpenWhenTheDayEndsExpireOnceWithAnEvent() {
        String b = Queue.branch("REGULAR", "INTAKE");
        clock.pinAlmaty(LocalDateTime.parse("2026-11-24T17:30")); // Tuesday, open
        String waiting = walkIn(b, "INTAKE").then().statusCode(201).extract().path("id");
        String other = walkIn(b, "INTAKE").then().statusCode(201).extract().path("id");

        clock.pinAlmaty(LocalDateTime.parse("2026-11-24T23:59")); // same service day: nothing to close
        expiry.expirePastDays();
        assertThat(status(waiting)).isEqualTo(TicketStatus.WAITING);

        clock.pinAlmaty(LocalDateTime.parse("2026-11-25T00:05")); // next day in Almaty (still 24th in UTC)
        expiry.expirePastDays();
        assertThat(status(waiting)).isEqualTo(TicketStatus.EXPIRED);
        assertThat(status(other)).isEqualTo(TicketStatus.EXPIRED);

        expiry.expirePastDays(); // a second run (or a second instance) changes nothing
        assertThat(expiredEvents(waiting)).isEqualTo(1);

        // Yesterday's expired ticket blocks nobody: a new day starts a new count.
        clock.pinAlmaty(LocalDateTime.parse("2026-11-25T09:00"));
        walkIn(b, "INTAKE").then().statusCode(201);
    }

    @Test
    void R12_aBookingNobodyCameForIsMissedAtDayCloseAndNoLongerBlocksTheNextOne() {
        String b = Queue.branch("REGULAR", "INTAKE");
        String iin = SyntheticIins.random().value();
        String me = Queue.citizen("booker-" + System.nanoTime(), iin);
        clock.pinAlmaty(LocalDateTime.parse("2026-11-23T10:00")); // Monday
        String booking = R12BookingTest.book(me, b, "INTAKE", "2026-11-24T11:00:00+05:00", iin)
                .then().statusCode(201).extract().path("id");
        // one active booking per IIN and category within 10 days
        R12BookingTest.book(me, b, "INTAKE", "2026-11-27T11:00:00+05:00", iin).then().statusCode(409);

        clock.pinAlmaty(LocalDateTime.parse("2026-11-24T17:59")); // the slot's day: a late check-in is still possible
        expiry.missPastBookings();
        Queue.as(me).get("/api/v1/bookings/" + booking).then().body("status", equalTo("ACTIVE"));

        clock.pinAlmaty(LocalDateTime.parse("2026-11-25T08:00")); // the next day: nobody came
        expiry.missPastBookings();
        expiry.missPastBookings(); // a second run (or instance) changes nothing
        Queue.as(me).get("/api/v1/bookings/" + booking).then().body("status", equalTo("MISSED"));
        Queue.as(me).post("/api/v1/bookings/" + booking + "/check-in").then().statusCode(409);
        assertThat(events(BookingMissed.TYPE, booking)).isEqualTo(1);
        R12BookingTest.book(me, b, "INTAKE", "2026-11-27T11:00:00+05:00", iin).then().statusCode(201);
    }

    private TicketStatus status(String id) {
        return QuarkusTransaction.requiringNew().call(() -> Ticket.<Ticket>findById(UUID.fromString(id)).status);
    }

    private long expiredEvents(String id) {
        return events(TicketExpired.TYPE, id);
    }

    private long events(String type, String key) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em
                .createNativeQuery("SELECT count(*) FROM outbox WHERE type = ?1 AND msg_key = ?2")
                .setParameter(1, type).setParameter(2, key).getSingleResult()).longValue());
    }
}
