package kz.gfc.queue;

import static kz.gfc.queue.Queue.ADMIN;
import static kz.gfc.queue.Queue.as;
import static kz.gfc.queue.Queue.branch;
import static kz.gfc.queue.Queue.citizen;
import static kz.gfc.queue.Queue.issue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.response.Response;
import kz.gfc.kit.iin.Iin;
import kz.gfc.kit.iin.Pseudonymizer;
import kz.gfc.kit.iin.SyntheticIins;
import kz.gfc.kit.testing.DatabaseProbe;
import kz.gfc.kit.testing.LogCapture;
import kz.gfc.kit.testing.RealInfrastructure;

/**
 * Writes that lose to a concurrent one, made deterministic: a rival transaction holds the
 * row (or the unique key) uncommitted while the request reads and writes, and commits once
 * the request's write waits on its lock. The request then meets the conflict at the
 * database, exactly as in a real race.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class WriteConflictTest extends PinnedClock {

    private static final LocalDateTime THURSDAY_MORNING = LocalDateTime.parse("2026-11-12T10:00");

    @Inject
    AgroalDataSource db;

    @Inject
    Pseudonymizer pseudonymizer;

    @BeforeEach
    void thursdayMorning() {
        clock.pinAlmaty(THURSDAY_MORNING);
    }

    /**
     * R23: two tickets for one IIN at once, where the database's one-waiting-ticket index
     * decides. The refusal is the service's 409, and the unique violation, which Hibernate
     * logs, names the index but never the IIN (the server's detail "Key (..., iin, ...)=(...)"
     * stays out of the driver's messages).
     */
    @Test
    void aTicketRaceOnOneIinIsRefusedAndNoLogLineCarriesTheIin() throws Exception {
        String b = branch("REGULAR", "INTAKE");
        String iin = SyntheticIins.random().value();
        String token = citizen("iin-race-" + UUID.randomUUID(), iin);
        try (LogCapture log = LogCapture.start()) {
            Response r = losingTo(
                    rival -> update(rival, """
                            INSERT INTO ticket (id, branch_code, category_code, original_category, number, service_day,
                                source, channel, language, owner_id, status, queue_at, issued_at, applicant_pseudonym)
                            VALUES (?, ?, 'INTAKE', 'INTAKE', 'A-900', ?, 'ELECTRONIC', 'MOBILE', 'ru', 'rival',
                                'WAITING', now(), now(), ?)""",
                            UUID.randomUUID(), b, LocalDate.from(THURSDAY_MORNING), pseudonymizer.pseudonym(Iin.of(iin))),
                    () -> issue(token, b, Map.of("category", "INTAKE", "channel", "MOBILE", "language", "ru", "iin", iin)));

            r.then().statusCode(409).contentType(startsWith("application/problem+json")).body("code", equalTo("already-waiting"));
            assertThat(log.text())
                    .as("the unique violation was logged (the capture works)").contains("ticket_one_waiting_per_applicant")
                    .as("no log line carries the IIN").doesNotContain(iin);
        }
    }

    /** The branch's mode switch is versioned: a switch that lost to another is a 409 to retry, not a 500. */
    @Test
    void aModeSwitchThatLostToAConcurrentChangeIsAConflictProblem() throws Exception {
        String b = branch("REGULAR", "INTAKE");
        Response r = losingTo(
                rival -> update(rival, "UPDATE branch SET version = version + 1 WHERE code = ?", b),
                () -> as(ADMIN).header("Accept-Language", "kk").body(Map.of("mode", "LIVE"))
                        .put("/api/v1/branches/" + b + "/mode"));

        r.then().statusCode(409)
                .contentType(startsWith("application/problem+json"))
                .body("code", equalTo("conflict"))
                .body("type", equalTo("https://gfc.kz/problems/conflict"))
                .body("userMessage", equalTo("Деректер бұрыннан бар немесе оларды басқа сұрау өзгертті. "
                        + "Деректерді жаңартып, қайталаңыз"))
                .body("correlationId", org.hamcrest.Matchers.notNullValue());
        as(ADMIN).get("/api/v1/branches/" + b).then().statusCode(200).body("mode", equalTo("ELECTRONIC"));
    }

    interface RivalWrite {
        void run(Connection rival) throws SQLException;
    }

    /**
     * Runs the rival's write uncommitted, sends the request, waits until the request waits on
     * the rival's lock, commits the rival and returns the request's response.
     */
    private Response losingTo(RivalWrite write, Supplier<Response> request) throws Exception {
        try (Connection rival = db.getConnection()) {
            rival.setAutoCommit(false);
            write.run(rival);
            CompletableFuture<Response> response = CompletableFuture.supplyAsync(request);
            try {
                DatabaseProbe.awaitASessionWaitingOnALock(db, "the request");
            } finally {
                rival.commit();
            }
            return response.get(30, TimeUnit.SECONDS);
        }
    }


    private static void update(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            ps.executeUpdate();
        }
    }
}
