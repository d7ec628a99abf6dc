package kz.gfc.consent;

import static kz.gfc.consent.Consents.as;
import static kz.gfc.consent.Consents.citizen;
import static kz.gfc.consent.Consents.terms;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import kz.gfc.consent.domain.ConsentExpiry;
import kz.gfc.kit.iin.Iin;
import kz.gfc.kit.iin.Pseudonymizer;
import kz.gfc.kit.iin.SyntheticIins;
import kz.gfc.kit.testing.RealInfrastructure;

/** R8: consents past their validity are closed once, with one ConsentExpired each, however many instances run the job. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class ConsentExpiryTest extends PinnedClock {

    @Inject
    ConsentExpiry expiry;

    @Inject
    AgroalDataSource db;

    @Inject
    Pseudonymizer pseudonyms;

    @Inject
    ObjectMapper json;

    @Test
    void R8_jobsRacingOnSeveralInstancesCloseEachConsentOnceWithOneEvent() throws Exception {
        Map<String, Iin> due = new HashMap<>();
        for (int i = 0; i < 30; i++) {
            Iin iin = SyntheticIins.random();
            var t = terms("MVD", "ID_CARD", "PERSONAL_DATA");
            t.put("validUntil", Instant.now().plus(Duration.ofMinutes(30)).toString());
            due.put(as(citizen(iin)).body(t).post("/api/v1/consents").then().statusCode(201).extract().path("consent.id"),
                    iin);
        }
        Iin lasting = SyntheticIins.random();
        String kept = as(citizen(lasting)).body(terms("MVD", "ID_CARD", "PERSONAL_DATA")).post("/api/v1/consents")
                .then().statusCode(201).extract().path("consent.id");

        clock.advance(Duration.ofHours(1));
        CyclicBarrier start = new CyclicBarrier(3);
        List<CompletableFuture<Integer>> runs = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            runs.add(CompletableFuture.supplyAsync(() -> {
                try {
                    start.await();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                return expiry.expireDue();
            }));
        }
        int closed = runs.stream().mapToInt(CompletableFuture::join).sum();
        assertThat(closed).isGreaterThanOrEqualTo(due.size());
        assertThat(expiry.expireDue()).isZero();

        try (Connection c = db.getConnection()) {
            Map<String, Integer> events = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT msg_key, payload FROM outbox WHERE type = 'kz.gfc.consent.expired.v1'");
                    ResultSet r = ps.executeQuery()) {
                while (r.next()) {
                    events.merge(r.getString(1), 1, Integer::sum);
                    String id = r.getString(1);
                    if (due.containsKey(id)) {
                        var data = json.readTree(r.getString(2));
                        assertThat(data.path("subjectPseudonym").asText()).isEqualTo(pseudonyms.pseudonym(due.get(id)));
                        assertThat(r.getString(2)).doesNotContain(due.get(id).value());
                    }
                }
            }
            for (String id : due.keySet()) {
                assertThat(events.get(id)).as("ConsentExpired of " + id).isEqualTo(1);
                assertThat(status(c, id)).isEqualTo("EXPIRED");
            }
            assertThat(events).doesNotContainKey(kept);
            assertThat(status(c, kept)).isEqualTo("ACTIVE");
        }
    }

    private static String status(Connection c, String id) throws Exception {
        try (PreparedStatement ps = c.prepareStatement("SELECT status FROM consent WHERE id = ?::uuid")) {
            ps.setString(1, id);
            try (ResultSet r = ps.executeQuery()) {
                r.next();
                return r.getString(1);
            }
        }
    }
}
