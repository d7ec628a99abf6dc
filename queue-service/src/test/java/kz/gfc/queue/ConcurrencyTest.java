package kz.gfc.queue;

import static kz.gfc.queue.Queue.as;
import static kz.gfc.queue.Queue.branch;
import static kz.gfc.queue.Queue.citizen;
import static kz.gfc.queue.Queue.issue;
import static kz.gfc.queue.Queue.operator;
import static kz.gfc.queue.Queue.serveNext;
import static kz.gfc.queue.Queue.signIn;
import static kz.gfc.queue.Queue.walkIn;
import static kz.gfc.queue.Queue.window;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import kz.gfc.kit.iin.SyntheticIins;
import kz.gfc.kit.testing.RealInfrastructure;

/** Many windows and many citizens at the same instant: no ticket twice, none skipped, no slot over-booked. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class ConcurrencyTest extends PinnedClock {

    @Inject
    AgroalDataSource db;

    @BeforeEach
    void thursdayMorning() {
        clock.pinAlmaty(LocalDateTime.parse("2026-11-12T10:00"));
    }

    /** Runs the tasks at once (released by one latch) and returns their results. */
    static <T> List<T> together(List<Callable<T>> tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
        CountDownLatch gate = new CountDownLatch(1);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> t : tasks) {
                futures.add(pool.submit(() -> {
                    gate.await();
                    return t.call();
                }));
            }
            gate.countDown();
            List<T> out = new ArrayList<>();
            for (Future<T> f : futures) {
                out.add(f.get());
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void R12_concurrentCallNextFromFourWindowsNeverGivesATicketTwiceAndSkipsNone() throws Exception {
        String b = branch("REGULAR", "INTAKE");
        for (int i = 0; i < 40; i++) {
            walkIn(b, "INTAKE");
        }
        List<Callable<List<String>>> windows = new ArrayList<>();
        for (int n = 1; n <= 4; n++) {
            long w = window(b, n, "INTAKE");
            String op = operator("op-" + n + "-" + System.nanoTime(), b);
            signIn(w, op, "Оператор " + n);
            windows.add(() -> {
                List<String> served = new ArrayList<>();
                for (String number = serveNext(op, w); number != null; number = serveNext(op, w)) {
                    served.add(number);
                }
                return served;
            });
        }
        List<List<String>> perWindow = together(windows);
        List<String> all = new ArrayList<>();
        perWindow.forEach(all::addAll);
        List<String> expected = IntStream.rangeClosed(1, 40).mapToObj(i -> String.format("A-%03d", i)).toList();
        assertThat(all).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(expected);
        assertThat(perWindow).allSatisfy(l -> assertThat(l).isSortedAccordingTo(String::compareTo)); // FIFO per window
        assertThat(count("SELECT count(*) FROM call_decision WHERE branch_code = ?", b)).isEqualTo(40);
        assertThat(count("SELECT count(DISTINCT ticket_id) FROM call_decision WHERE branch_code = ?", b)).isEqualTo(40);
        assertThat(count("SELECT count(*) FROM ticket WHERE branch_code = ? AND status <> 'COMPLETED'", b)).isZero();
    }

    @Test
    void concurrentIssuersGetDistinctConsecutiveNumbers() throws Exception {
        String b = branch("REGULAR", "INTAKE");
        List<Callable<String>> issuers = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String token = citizen("c-" + i);
            issuers.add(() -> issue(token, b, Map.of("category", "INTAKE", "channel", "MOBILE", "language", "ru"))
                    .then().statusCode(201).extract().path("number"));
        }
        List<String> numbers = together(issuers);
        assertThat(numbers).containsExactlyInAnyOrderElementsOf(
                IntStream.rangeClosed(1, 20).mapToObj(i -> String.format("A-%03d", i)).toList());
    }

    @Test
    void concurrentTicketsForOneIinYieldExactlyOneWaitingTicket() throws Exception {
        String b = branch("REGULAR", "INTAKE");
        String iin = SyntheticIins.random().value();
        List<Callable<Integer>> tries = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String token = citizen("same-person", iin);
            tries.add(() -> issue(token, b, Map.of("category", "INTAKE", "channel", "MOBILE", "language", "ru", "iin", iin))
                    .statusCode());
        }
        List<Integer> statuses = together(tries);
        assertThat(Collections.frequency(statuses, 201)).isEqualTo(1);
        assertThat(Collections.frequency(statuses, 409)).isEqualTo(5);
        assertThat(count("SELECT count(*) FROM ticket WHERE branch_code = ?", b)).isEqualTo(1);
    }

    @Test
    void R12_slotIsNeverOverbookedUnderConcurrentRequests() throws Exception {
        String b = branch("REGULAR", "INTAKE");
        String slot = "2026-11-13T11:00:00+05:00";
        String firstIin = SyntheticIins.random().value();
        R12BookingTest.book(citizen("first", firstIin), b, "INTAKE", slot, firstIin).then().statusCode(201);
        List<Callable<Integer>> rivals = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            String iin = SyntheticIins.random().value();
            String token = citizen("rival-" + i, iin);
            rivals.add(() -> R12BookingTest.book(token, b, "INTAKE", slot, iin).statusCode());
        }
        List<Integer> statuses = together(rivals);
        assertThat(Collections.frequency(statuses, 201)).as("one rival gets the last seat: %s", statuses).isEqualTo(1);
        assertThat(Collections.frequency(statuses, 409)).isEqualTo(9);
        assertThat(count("SELECT count(*) FROM booking WHERE branch_code = ? AND status = 'ACTIVE'", b)).isEqualTo(2);
        assertThat(count("SELECT max(booked) FROM booking_slot WHERE branch_code = ?", b)).isEqualTo(2);
        R12BookingTest.slots(b, "2026-11-13", "INTAKE").statusCode(200)
                .body("find { it.startsAt == '" + slot + "' }.free", equalTo(0));
        String lateIin = SyntheticIins.random().value();
        as(citizen("late-rival", lateIin)).body(Map.of("branch", b, "category", "INTAKE", "slotStart", slot, "language", "kk",
                "iin", lateIin)).post("/api/v1/bookings").then().statusCode(409)
                .body("type", equalTo("https://gfc.kz/problems/slot-full"));
    }

    long count(String sql, String arg) throws Exception {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, arg);
            try (ResultSet r = ps.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }
}
