package kz.gfc.queue;

import static kz.gfc.queue.Queue.walkIn;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import jakarta.persistence.EntityManager;
import kz.gfc.kit.testing.RealInfrastructure;
import kz.gfc.queue.domain.Ticket;
import kz.gfc.queue.domain.TicketExpiry;
import kz.gfc.queue.domain.TicketStatus;
import kz.gfc.queue.events.TicketExpired;

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

    private TicketStatus status(String id) {
        return QuarkusTransaction.requiringNew().call(() -> Ticket.<Ticket>findById(UUID.fromString(id)).status);
    }

    private long expiredEvents(String id) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em
                .createNativeQuery("SELECT count(*) FROM outbox WHERE type = ?1 AND msg_key = ?2")
                .setParameter(1, TicketExpired.TYPE).setParameter(2, id).getSingleResult()).longValue());
    }
}
