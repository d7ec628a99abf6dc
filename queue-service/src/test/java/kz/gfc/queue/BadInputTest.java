package kz.gfc.queue;

import static io.restassured.RestAssured.given;
import static kz.gfc.queue.Queue.branch;
import static kz.gfc.queue.Queue.citizen;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.time.LocalDateTime;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import kz.gfc.kit.iin.SyntheticIins;
import kz.gfc.kit.testing.RealInfrastructure;

/** Input that used to reach a 500 or a misleading 404 is a 422 problem naming the field. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class BadInputTest extends PinnedClock {

    @Test
    void R12_aSlotStartAtTheEndOfTimeIsRefusedAsInvalidNotA500() {
        String b = branch("REGULAR", "INTAKE");
        clock.pinAlmaty(LocalDateTime.parse("2026-11-16T10:00"));
        R12BookingTest.book(citizen("c-far", SyntheticIins.random().value()), b, "INTAKE", "+999999999-12-31T23:59:59-18:00", null)
                .then().statusCode(422)
                .contentType(startsWith("application/problem+json"))
                .body("errors[0].field", equalTo("slotStart"));
    }

    @Test
    void R12_slotsWithoutACategoryAreAnInvalidRequestNotANotFound() {
        String b = branch("REGULAR", "INTAKE");
        given().get("/api/v1/branches/" + b + "/slots?date=2026-11-18").then().statusCode(422)
                .contentType(startsWith("application/problem+json"))
                .body("errors[0].field", equalTo("category"));
    }

    @Test
    void R3_aCalendarYearThatIsNotANumberIsAnInvalidRequest() {
        Queue.as(Queue.ADMIN).get("/api/v1/holidays?year=abc").then().statusCode(422)
                .contentType(startsWith("application/problem+json"))
                .body("errors[0].field", equalTo("year"));
        Queue.as(Queue.ADMIN).get("/api/v1/holidays?year=1999").then().statusCode(422);
        Queue.as(Queue.ADMIN).get("/api/v1/holidays?year=2026").then().statusCode(200);
        // intake keeps its copy of the calendar for ready dates (R25) with its service token
        Queue.as(kz.gfc.kit.testing.ServiceContract.token("service-account-gfc-services", "service"))
                .get("/api/v1/holidays?year=2026").then().statusCode(200)
                .body("find { it.day == '2026-03-21' }.kind", org.hamcrest.Matchers.notNullValue());
        Queue.as(Queue.citizen("curious")).get("/api/v1/holidays?year=2026").then().statusCode(403);
    }
}
