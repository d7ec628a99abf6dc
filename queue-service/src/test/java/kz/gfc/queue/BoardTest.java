package kz.gfc.queue;

import static kz.gfc.queue.Queue.act;
import static kz.gfc.queue.Queue.branch;
import static kz.gfc.queue.Queue.callNext;
import static kz.gfc.queue.Queue.operator;
import static kz.gfc.queue.Queue.signIn;
import static kz.gfc.queue.Queue.walkIn;
import static kz.gfc.queue.Queue.window;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.LocalDateTime;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import kz.gfc.kit.testing.RealInfrastructure;

/** The hall's display board: a public server-sent-event stream of calls, in kk and ru, with the R6 nameplate. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class BoardTest extends PinnedClock {

    @Inject
    ObjectMapper json;

    @Inject
    AgroalDataSource dataSource;

    @TestHTTPResource("/")
    URL base;

    @BeforeEach
    void mondayMorning() {
        clock.pinAlmaty(LocalDateTime.parse("2026-11-16T12:00"));
    }

    @Test
    void R6_boardStreamsEachCallAndRecallWithWindowAndNameInBothLanguages() throws Exception {
        String b = branch("REGULAR", "INTAKE");
        String other = branch("REGULAR", "INTAKE");
        long w = window(b, 7, "INTAKE");
        long otherWindow = window(other, 1, "INTAKE");
        String op = operator("op-board-" + System.nanoTime(), b, "Бекова Сая");
        String otherOp = operator("op-board-other-" + System.nanoTime(), other);
        signIn(w, op, "Бекова Сая");
        signIn(otherWindow, otherOp, "Чужой Оператор");
        walkIn(b, "INTAKE");
        walkIn(other, "INTAKE");

        BlockingQueue<String> events = new LinkedBlockingQueue<>();
        HttpResponse<Stream<String>> response = watch(b, events);
        try {
            JsonNode hello = next(events);
            assertThat(hello.get("textRu").asText()).isEqualTo("Табло подключено");

            callNext(otherOp, otherWindow).then().statusCode(200); // another branch: not on this board
            String id = callNext(op, w).then().statusCode(200).extract().path("ticket.id");
            JsonNode call = next(events);
            assertThat(call.get("branchCode").asText()).isEqualTo(b);
            assertThat(call.get("ticketNumber").asText()).isEqualTo("A-001");
            assertThat(call.get("windowNumber").asInt()).isEqualTo(7);
            assertThat(call.get("textRu").asText()).isEqualTo("Талон A-001 — окно 7");
            assertThat(call.get("textKk").asText()).isEqualTo("A-001 талоны — 7-терезе");
            assertThat(call.get("operatorName").asText()).isEqualTo("Бекова Сая");
            assertThat(call.get("operatorPosition").asText()).isNotBlank();

            act(op, id, "recall").then().statusCode(200);
            JsonNode recall = next(events);
            assertThat(recall.get("ticketNumber").asText()).isEqualTo("A-001");
            assertThat(recall.get("recall").asInt()).isEqualTo(1);
        } finally {
            response.body().close();
        }
    }

    @Test
    void aCallMadeThroughAnotherInstanceReachesThisBoardAndARolledBackOneNever() throws Exception {
        String b = branch("REGULAR", "INTAKE");
        BlockingQueue<String> events = new LinkedBlockingQueue<>();
        HttpResponse<Stream<String>> response = watch(b, events);
        try {
            next(events); // connected
            // Another instance is another database session: its calls arrive by NOTIFY once it commits.
            try (Connection other = dataSource.getConnection()) {
                other.setAutoCommit(false);
                notify(other, b, "A-050");
                other.rollback();
                notify(other, b, "A-051");
                other.commit();
            }
            JsonNode call = next(events);
            assertThat(call.get("ticketNumber").asText()).isEqualTo("A-051");
            assertThat(call.get("textRu").asText()).isEqualTo("Талон A-051 — окно 4");
        } finally {
            response.body().close();
        }
    }

    private void notify(Connection c, String branch, String number) throws Exception {
        String payload = json.writeValueAsString(new kz.gfc.queue.domain.window.BoardCall(branch, number, 4, "Омарова Дана",
                "менеджер", 0, number + " талоны — 4-терезе", "Талон " + number + " — окно 4", java.time.Instant.now(), false));
        try (PreparedStatement ps = c.prepareStatement("SELECT pg_notify('gfc_queue_board', ?)")) {
            ps.setString(1, payload);
            ps.execute();
        }
    }

    /** A screen switched on (or reconnecting) mid-morning shows the last calls at once, marked as replayed. */
    @Test
    void R6_aScreenThatConnectsSeesTheLastCallsAtOnce() throws Exception {
        String b = branch("REGULAR", "INTAKE");
        long w = window(b, 2, "INTAKE");
        String op = operator("op-replay-" + System.nanoTime(), b, "Омарова Дана");
        signIn(w, op, "Омарова Дана");
        walkIn(b, "INTAKE");
        walkIn(b, "INTAKE");
        String first = callNext(op, w).then().statusCode(200).extract().path("ticket.id");
        act(op, first, "start").then().statusCode(200);
        act(op, first, "complete").then().statusCode(200);
        callNext(op, w).then().statusCode(200);

        BlockingQueue<String> events = new LinkedBlockingQueue<>();
        HttpResponse<Stream<String>> response = watch(b, events);
        try {
            List<JsonNode> got = new java.util.ArrayList<>();
            for (int i = 0; i < 3; i++) {
                got.add(next(events));
            }
            JsonNode hello = got.stream().filter(e -> !e.hasNonNull("ticketNumber")).findFirst().orElseThrow();
            assertThat(hello.get("textRu").asText()).isEqualTo("Табло подключено");
            List<JsonNode> calls = got.stream().filter(e -> e.hasNonNull("ticketNumber")).toList();
            assertThat(calls).extracting(e -> e.get("ticketNumber").asText()).containsExactly("A-001", "A-002");
            assertThat(calls).allSatisfy(e -> {
                assertThat(e.get("replay").asBoolean()).isTrue();
                assertThat(e.get("operatorName").asText()).isEqualTo("Омарова Дана");
                assertThat(e.get("windowNumber").asInt()).isEqualTo(2);
            });
        } finally {
            response.body().close();
        }
    }

    @Test
    void theBoardOfAnUnknownBranchIsNotFound() throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(base + "api/v1/branches/NO-SUCH/board")).header("Accept", "text/event-stream").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(404);
    }

    /** Opens the branch's board as a hall screen would; its data lines land in {@code events}. */
    private HttpResponse<Stream<String>> watch(String branch, BlockingQueue<String> events) throws Exception {
        HttpResponse<Stream<String>> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(base + "api/v1/branches/" + branch + "/board")).header("Accept", "text/event-stream").build(),
                HttpResponse.BodyHandlers.ofLines());
        assertThat(response.statusCode()).isEqualTo(200);
        Thread reader = new Thread(() -> {
            try {
                response.body().filter(l -> l.startsWith("data:")).forEach(l -> events.add(l.substring(5).strip()));
            } catch (java.io.UncheckedIOException closedByTheTest) {
                // the test closes the stream when it is done
            }
        });
        reader.setDaemon(true);
        reader.start();
        return response;
    }

    /** The next board event; the bound only keeps a broken stream from hanging the build. */
    JsonNode next(BlockingQueue<String> events) throws Exception {
        String data = events.poll(60, TimeUnit.SECONDS);
        assertNotNull(data, "no board event arrived");
        return json.readTree(data);
    }
}
