package kz.gfc.consent;

import static kz.gfc.consent.Consents.MVD;
import static kz.gfc.consent.Consents.as;
import static kz.gfc.consent.Consents.check;
import static kz.gfc.consent.Consents.citizen;
import static kz.gfc.consent.Consents.terms;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.path.json.JsonPath;
import kz.gfc.consent.domain.FetchPeriod;
import kz.gfc.kit.iin.Iin;
import kz.gfc.kit.iin.SyntheticIins;
import kz.gfc.kit.testing.RealInfrastructure;

/**
 * R7, R8: a consent that limits how often the recipient may fetch (fetchLimit per fetchPeriod)
 * allows exactly that many checks per Almaty calendar period — however many arrive at once —
 * and then refuses with FETCH_LIMIT_REACHED until the next period begins.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class FetchLimitTest extends PinnedClock {

    @Inject
    AgroalDataSource db;

    /** A consent the citizen gives in the app to MVD for ID_CARD, limited to {@code limit} per {@code period}. */
    static String grantLimited(Iin iin, int limit, String period) {
        Map<String, Object> t = terms("MVD", "ID_CARD", "PERSONAL_DATA");
        t.put("fetchLimit", limit);
        t.put("fetchPeriod", period);
        t.put("validUntil", Instant.now().plus(Duration.ofDays(200)).toString());
        return as(citizen(iin)).body(t).post("/api/v1/consents").then().statusCode(201)
                .body("consent.fetchLimit", equalTo(limit)).extract().path("consent.id");
    }

    static JsonPath checked(Iin iin) {
        return check(MVD, iin, "MVD", "PERSONAL_DATA", "ID_CARD").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void R8_aFetchLimitAllowsExactlyThatManyChecksEvenWhenTheyArriveTogether() throws Exception {
        Iin iin = SyntheticIins.random();
        String consentId = grantLimited(iin, 5, "DAY");
        // mid-day in Almaty, so the whole burst falls in one period
        clock.pinAlmaty(LocalDateTime.of(LocalDate.now(FetchPeriod.CALENDAR).plusDays(1), LocalTime.NOON));

        int parallel = 24;
        ExecutorService pool = Executors.newFixedThreadPool(parallel);
        List<JsonPath> answers = new ArrayList<>();
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<JsonPath>> futures = new ArrayList<>();
            for (int i = 0; i < parallel; i++) {
                Callable<JsonPath> call = () -> {
                    start.await();
                    return checked(iin);
                };
                futures.add(pool.submit(call));
            }
            start.countDown();
            for (Future<JsonPath> f : futures) {
                answers.add(f.get());
            }
        } finally {
            pool.shutdownNow();
        }

        List<JsonPath> allowed = answers.stream().filter(a -> a.getBoolean("allowed")).toList();
        List<JsonPath> refused = answers.stream().filter(a -> !a.getBoolean("allowed")).toList();
        assertThat(allowed).hasSize(5);
        assertThat(allowed).allSatisfy(a -> {
            assertThat(a.getString("consentId")).isEqualTo(consentId);
            assertThat(a.getString("reason")).isNull();
        });
        assertThat(refused).hasSize(parallel - 5).allSatisfy(a -> {
            assertThat(a.getString("reason")).isEqualTo("FETCH_LIMIT_REACHED");
            assertThat(a.getString("consentId")).isNull();
            assertThat(Instant.parse(a.getString("limitResetsAt")))
                    .isEqualTo(LocalDate.now(FetchPeriod.CALENDAR).plusDays(2).atStartOfDay(FetchPeriod.CALENDAR).toInstant());
        });
        assertThat(logged(consentId)).as("one access-log row per allowed check, none for a refusal").isEqualTo(5);
        as(citizen(iin)).get("/api/v1/consents").then().statusCode(200)
                .body("find { it.id == '" + consentId + "' }.useCount", equalTo(5));
    }

    @Test
    void R8_theLimitCountsAnAlmatyCalendarDayNotAUtcOne() throws Exception {
        Iin iin = SyntheticIins.random();
        String consentId = grantLimited(iin, 2, "DAY");
        LocalDate tomorrow = LocalDate.now(FetchPeriod.CALENDAR).plusDays(1);
        Instant almatyMidnight = tomorrow.plusDays(1).atStartOfDay(FetchPeriod.CALENDAR).toInstant();

        clock.pin(almatyMidnight.minus(Duration.ofHours(3)));
        assertThat(checked(iin).getBoolean("allowed")).isTrue();
        clock.pin(almatyMidnight.minusSeconds(1));
        assertThat(checked(iin).getBoolean("allowed")).isTrue();
        JsonPath third = checked(iin);
        assertThat(third.getBoolean("allowed")).isFalse();
        assertThat(third.getString("reason")).isEqualTo("FETCH_LIMIT_REACHED");
        assertThat(Instant.parse(third.getString("limitResetsAt"))).isEqualTo(almatyMidnight);

        // 00:00 in Almaty is still the previous day in UTC: a UTC calendar would go on refusing here
        clock.pin(almatyMidnight);
        assertThat(checked(iin).getBoolean("allowed")).isTrue();
        assertThat(checked(iin).getBoolean("allowed")).isTrue();
        assertThat(checked(iin).getString("reason")).isEqualTo("FETCH_LIMIT_REACHED");
        assertThat(logged(consentId)).isEqualTo(4);
    }

    @Test
    void R7_aConsentWithoutALimitIsNeverCountedAndARefusalSaysWhy() {
        Iin iin = SyntheticIins.random();
        as(citizen(iin)).body(terms("MVD", "ID_CARD", "PERSONAL_DATA")).post("/api/v1/consents").then().statusCode(201);
        for (int i = 0; i < 12; i++) {
            check(MVD, iin, "MVD", "PERSONAL_DATA", "ID_CARD").then().statusCode(200)
                    .body("allowed", equalTo(true)).body("reason", nullValue()).body("limitResetsAt", nullValue());
        }
        check(MVD, SyntheticIins.random(), "MVD", "PERSONAL_DATA", "ID_CARD").then().statusCode(200)
                .body("allowed", equalTo(false)).body("reason", equalTo("NO_ACTIVE_CONSENT"))
                .body("consentId", nullValue()).body("validUntil", nullValue());
    }

    @Test
    void R8_aRevokedLimitedConsentIsRefusedAsRevokedNotAsUsedUp() {
        Iin iin = SyntheticIins.random();
        String consentId = grantLimited(iin, 3, "MONTH");
        assertThat(checked(iin).getBoolean("allowed")).isTrue();
        as(citizen(iin)).post("/api/v1/consents/" + consentId + "/revoke").then().statusCode(200);
        JsonPath after = checked(iin);
        assertThat(after.getBoolean("allowed")).isFalse();
        assertThat(after.getString("reason")).isEqualTo("NO_ACTIVE_CONSENT");
    }

    private long logged(String consentId) throws Exception {
        try (Connection c = db.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM access_log WHERE consent_id = ?")) {
            ps.setObject(1, UUID.fromString(consentId));
            try (ResultSet r = ps.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }
}
