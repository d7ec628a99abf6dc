package kz.gfc.issuance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import kz.gfc.issuance.domain.DocumentPackage;
import kz.gfc.issuance.domain.UnclaimedReturns;
import kz.gfc.issuance.events.DocumentReturned;
import kz.gfc.issuance.events.PackageMoved;
import kz.gfc.kit.testing.RealInfrastructure;

/** The scheduled job on a clock the test sets: what goes back, when, and only once. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class R20RetentionJobTest {

    static final String BRANCH = "URA-01";

    @Inject
    TestClock clock;

    @Inject
    UnclaimedReturns returns;

    @AfterEach
    void unpin() {
        clock.unpin();
    }

    /** A package that reached the desk at a Kazakhstan local time. */
    private String atDesk(String retention, String deskTimeKz) {
        String b = Packages.opened(BRANCH, "MLSPP", "PAPER", retention);
        clock.pinKz(deskTimeKz);
        Packages.toDesk(BRANCH, b);
        return b;
    }

    private void runAt(String kzTime) {
        clock.pinKz(kzTime);
        returns.returnDue();
    }

    private static String status(String b) {
        return Packages.load(b).status.name();
    }

    @Test
    void R20_standardOn31JanuaryIsKeptThrough28FebruaryAndReturnedOnceOn1March() {
        String b = atDesk("STANDARD", "2026-01-31T10:00");
        assertThat(Packages.load(b).keptUntil).isEqualTo(LocalDate.parse("2026-02-28"));
        runAt("2026-02-28T23:59");
        assertThat(status(b)).isEqualTo("AT_ISSUANCE_DESK");
        runAt("2026-03-01T00:01");
        DocumentPackage p = Packages.load(b);
        assertThat(p.status.name()).isEqualTo("RETURNED_TO_PROVIDER");
        assertThat(p.returnReason).isEqualTo(DocumentReturned.UNCLAIMED);
        assertThat(p.lastEntry().movement.name()).isEqualTo("RETURNED_TO_PROVIDER");
        assertThat(p.lastEntry().actorId).isEqualTo("system:retention");
        assertThat(p.chainVerifies()).isTrue();
        runAt("2026-03-01T02:15"); // the next run, or a rerun after a crash
        runAt("2026-04-01T02:15");
        assertThat(Packages.outbox(DocumentReturned.TYPE, b)).isEqualTo(1);
        assertThat(Packages.outbox(PackageMoved.TYPE, b)).isEqualTo(4);
    }

    @Test
    void R20_inALeapYear31JanuaryIsKeptThrough29February() {
        String b = atDesk("STANDARD", "2028-01-31T16:00");
        assertThat(Packages.load(b).keptUntil).isEqualTo(LocalDate.parse("2028-02-29"));
        runAt("2028-02-29T23:00");
        assertThat(status(b)).isEqualTo("AT_ISSUANCE_DESK");
        runAt("2028-03-01T00:30");
        assertThat(status(b)).isEqualTo("RETURNED_TO_PROVIDER");
    }

    @Test
    void R20_theDayIsKazakhstansNotUtc() {
        // 02:00 on 1 April in Kazakhstan is still 31 March in UTC: kept until 1 May, not 30 April
        String b = atDesk("STANDARD", "2026-04-01T02:00");
        assertThat(Packages.load(b).keptUntil).isEqualTo(LocalDate.parse("2026-05-01"));
        runAt("2026-05-01T23:30");
        assertThat(status(b)).isEqualTo("AT_ISSUANCE_DESK");
        runAt("2026-05-02T00:10");
        assertThat(status(b)).isEqualTo("RETURNED_TO_PROVIDER");
    }

    @Test
    void R20_passportsAndIdCardsAreKeptOneYear() {
        String b = atDesk("IDENTITY_DOCUMENT", "2026-03-10T09:00");
        runAt("2026-04-11T09:00"); // a standard package would be gone by now
        assertThat(status(b)).isEqualTo("AT_ISSUANCE_DESK");
        runAt("2027-03-10T23:00");
        assertThat(status(b)).isEqualTo("AT_ISSUANCE_DESK");
        runAt("2027-03-11T00:30");
        assertThat(status(b)).isEqualTo("RETURNED_TO_PROVIDER");
        assertThat(Packages.outbox(DocumentReturned.TYPE, b)).isEqualTo(1);
    }

    @Test
    void R20_socialPaymentDecisionsStayUntilASupervisorReturnsThem() {
        String b = atDesk("SOCIAL_EXEMPT", "2026-01-05T11:00");
        assertThat(Packages.load(b).keptUntil).isNull();
        runAt("2036-01-05T11:00");
        assertThat(status(b)).isEqualTo("AT_ISSUANCE_DESK");
        assertThat(Packages.outbox(DocumentReturned.TYPE, b)).isZero();

        Packages.operator(BRANCH).body("{\"reason\":\"asked by the ministry\"}")
                .post("/api/v1/packages/" + b + "/return").then().statusCode(403);
        Packages.supervisor(BRANCH).body("{\"reason\":\"  \"}").post("/api/v1/packages/" + b + "/return").then()
                .statusCode(422);
        Packages.supervisor("ALM-01").body("{\"reason\":\"asked by the ministry\"}")
                .post("/api/v1/packages/" + b + "/return").then().statusCode(403);
        Packages.supervisor(BRANCH).body("{\"reason\":\"asked by the ministry\"}")
                .post("/api/v1/packages/" + b + "/return").then().statusCode(200)
                .body("status", equalTo("RETURNED_TO_PROVIDER")).body("returnReason", equalTo("BY_SUPERVISOR"));
        Packages.supervisor(BRANCH).body("{\"reason\":\"again\"}").post("/api/v1/packages/" + b + "/return").then()
                .statusCode(409).body("currentStatus", equalTo("RETURNED_TO_PROVIDER"));
        assertThat(Packages.outbox(DocumentReturned.TYPE, b)).isEqualTo(1);
        assertThat(Packages.load(b).returnNote).isEqualTo("asked by the ministry");
    }

    @Test
    void R20_twoRunsAtOnceReturnEachPackageOnce() throws Exception {
        List<String> due = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            due.add(atDesk(i % 2 == 0 ? "STANDARD" : "IDENTITY_DOCUMENT", "2026-05-04T12:00"));
        }
        clock.pinKz("2027-06-01T02:15");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Integer>> runs = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                runs.add(pool.submit(() -> {
                    start.await();
                    return returns.returnDue();
                }));
            }
            start.countDown();
            int total = runs.get(0).get() + runs.get(1).get();
            assertThat(total).isGreaterThanOrEqualTo(due.size());
        } finally {
            pool.shutdownNow();
        }
        for (String b : due) {
            assertThat(status(b)).isEqualTo("RETURNED_TO_PROVIDER");
            assertThat(Packages.outbox(DocumentReturned.TYPE, b)).isEqualTo(1);
            assertThat(Packages.load(b).chainVerifies()).isTrue();
        }
    }
}
