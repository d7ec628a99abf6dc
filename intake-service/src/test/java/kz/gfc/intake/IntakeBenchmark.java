package kz.gfc.intake;

import static kz.gfc.intake.Intake.form;
import static kz.gfc.intake.Intake.operator;
import static kz.gfc.intake.Intake.submit;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import kz.gfc.kit.iin.SyntheticIins;
import kz.gfc.kit.testing.RealInfrastructure;

/** Latency of taking an application (validation, register, ready date, consent check, outbox), one operator at a time. */
@Tag("benchmark")
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class IntakeBenchmark {

    @Test
    void submitLatency() {
        String branch = Intake.branch();
        String token = operator(branch);
        for (int i = 0; i < 30; i++) {
            submit(token, form("PASSPORT", branch, SyntheticIins.random().value())).then().statusCode(201);
        }
        report("PASSPORT (no consent needed, forwarded at once)", branch, token, "PASSPORT", 300);
        report("CRIMINAL_RECORD (term 0)", branch, token, "CRIMINAL_RECORD", 300);
    }

    private static void report(String what, String branch, String token, String service, int n) {
        List<Long> micros = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            long t = System.nanoTime();
            submit(token, form(service, branch, SyntheticIins.random().value())).then().statusCode(201);
            micros.add((System.nanoTime() - t) / 1000);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Collections.sort(micros);
        System.out.printf("=== intake benchmark: %s: %d submissions, %.1f/s, p50 %.1f ms, p95 %.1f ms, p99 %.1f ms (cores %d)%n",
                what, n, n / seconds, micros.get(n / 2) / 1000.0, micros.get(n * 95 / 100) / 1000.0,
                micros.get(n * 99 / 100) / 1000.0, Runtime.getRuntime().availableProcessors());
    }
}
