package kz.gfc.rating.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import kz.gfc.kit.testing.DatabaseProbe;
import kz.gfc.kit.testing.RealInfrastructure;
import kz.gfc.kit.testing.ServiceContract;

/** Errors that are no bug of ours never surface as a 500 or as a body that is not problem+json. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class ErrorProblemsTest {

    private static final String CITIZEN = ServiceContract.token("citizen-errors", "citizen");

    @Inject
    AgroalDataSource db;

    @ConfigProperty(name = "quarkus.http.limits.max-body-size")
    MemorySize maxBodySize;

    @TestHTTPResource("/")
    URL server;

    /**
     * Two ratings of one visit at once: both pass the service's "rated already?" check, and
     * the unique key on visit_id refuses the second at commit. That is a 409 to reload, with
     * a message in the client's language, not an internal error.
     */
    @Test
    void aRatingThatLostARaceToTheUniqueKeyIsAConflictProblem() throws Exception {
        String visit = "race-" + UUID.randomUUID();
        Response r;
        try (Connection rival = db.getConnection()) {
            rival.setAutoCommit(false);
            try (PreparedStatement ps = rival.prepareStatement(
                    "INSERT INTO rating (id, visit_id, branch_code, score, rated_at) VALUES (?, ?, 'ALM-01', 4, ?)")) {
                ps.setObject(1, UUID.randomUUID());
                ps.setString(2, visit);
                ps.setObject(3, java.sql.Timestamp.from(Instant.now()));
                ps.executeUpdate();
            }
            CompletableFuture<Response> post = CompletableFuture.supplyAsync(() -> given().auth().oauth2(CITIZEN)
                    .contentType(ContentType.JSON).header("Accept-Language", "ru")
                    .body("{\"visitId\":\"" + visit + "\",\"branchCode\":\"ALM-01\",\"score\":5}")
                    .post("/api/v1/ratings"));
            try {
                DatabaseProbe.awaitASessionWaitingOnALock(db, "the rating");
            } finally {
                rival.commit();
            }
            r = post.get(30, TimeUnit.SECONDS);
        }
        r.then().statusCode(409)
                .contentType(startsWith("application/problem+json"))
                .body("type", equalTo("https://gfc.kz/problems/conflict"))
                .body("code", equalTo("conflict"))
                .body("userMessage", equalTo("Такие данные уже есть или их изменил другой запрос. Обновите данные и повторите"))
                .body("correlationId", notNullValue());
        assertThat(r.asString()).doesNotContain("visit_id").doesNotContain("rating_").doesNotContain("insert");
    }

    @Test
    void aDeliberate503StaysA503AndKeepsItsRetryAfter() {
        given().header("Accept-Language", "kk").get("/test-only/unavailable").then()
                .statusCode(503)
                .contentType(startsWith("application/problem+json"))
                .header("Retry-After", "7")
                .body("status", equalTo(503))
                .body("code", equalTo("service-unavailable"))
                .body("userMessage", equalTo("Қызмет уақытша қолжетімсіз. Кейінірек қайталаңыз"));
    }

    /** Refused from the Content-Length alone, before a byte of the body is read. */
    @Test
    void aDeclaredBodyOverTheLimitIsA413Problem() throws IOException {
        long tooLarge = maxBodySize.asLongValue() + 1;
        Raw r = send(head("POST", "/api/v1/ratings", "Content-Length: " + tooLarge), out -> {
        });
        assertThat(r.status).isEqualTo(413);
        assertTooLargeProblem(r);
    }

    /** A chunked body declares no length: it is counted as it comes and refused once past the limit. */
    @Test
    void aChunkedBodyOverTheLimitIsA413Problem() throws IOException {
        long limit = maxBodySize.asLongValue();
        Raw r = send(head("POST", "/api/v1/ratings", "Transfer-Encoding: chunked"), out -> {
            byte[] chunk = new byte[64 * 1024];
            Arrays.fill(chunk, (byte) ' ');
            long sent = 0;
            while (sent <= limit) { // stop right past the limit, so the server has read all we sent
                int n = (int) Math.min(chunk.length, limit + 1 - sent);
                out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(chunk, 0, n);
                out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                sent += n;
            }
        });
        assertThat(r.status).isEqualTo(413);
        assertTooLargeProblem(r);
    }

    /** The limit's reader hands a chunked body under the limit on to JAX-RS unchanged. */
    @Test
    void aChunkedBodyUnderTheLimitIsStillRead() throws IOException {
        byte[] json = ("{\"visitId\":\"chunked-" + UUID.randomUUID() + "\",\"branchCode\":\"ALM-01\",\"score\":3}")
                .getBytes(StandardCharsets.UTF_8);
        Raw r = send(head("POST", "/api/v1/ratings", "Transfer-Encoding: chunked"), out -> {
            for (int from = 0; from < json.length; from += 16) {
                int n = Math.min(16, json.length - from);
                out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(json, from, n);
                out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        });
        assertThat(r.status).as(r.body).isEqualTo(201);
        assertThat(JsonPath.from(r.body).getInt("score")).isEqualTo(3);
    }

    private static void assertTooLargeProblem(Raw r) {
        assertThat(r.headers).containsIgnoringCase("content-type: application/problem+json");
        JsonPath p = JsonPath.from(r.body);
        assertThat(p.getInt("status")).isEqualTo(413);
        assertThat(p.getString("code")).isEqualTo("payload-too-large");
        assertThat(p.getString("userMessage")).isEqualTo("Запрос слишком большой");
        assertThat(p.getString("correlationId")).isEqualTo("too-large-1");
    }

    private String head(String method, String path, String bodyHeader) {
        return method + " " + path + " HTTP/1.1\r\n"
                + "Host: " + server.getHost() + ":" + server.getPort() + "\r\n"
                + "Authorization: Bearer " + CITIZEN + "\r\n"
                + "Content-Type: application/json\r\n"
                + "X-Correlation-Id: too-large-1\r\n"
                + "Connection: close\r\n"
                + bodyHeader + "\r\n\r\n";
    }

    interface Body {
        void write(OutputStream out) throws IOException;
    }

    record Raw(int status, String headers, String body) {
    }

    /** One request on a socket of its own, read to the end (the server closes it: Connection: close). */
    private Raw send(String head, Body body) throws IOException {
        try (Socket s = new Socket(server.getHost(), server.getPort())) {
            s.setSoTimeout(30_000);
            OutputStream out = s.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            body.write(out);
            out.flush();
            InputStream in = s.getInputStream();
            byte[] all = in.readAllBytes();
            int split = indexOf(all, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII), 0);
            String headers = new String(all, 0, split, StandardCharsets.US_ASCII);
            byte[] rest = Arrays.copyOfRange(all, split + 4, all.length);
            boolean chunked = headers.toLowerCase(java.util.Locale.ROOT).contains("transfer-encoding: chunked");
            return new Raw(Integer.parseInt(headers.substring(9, 12)), headers,
                    new String(chunked ? dechunk(rest) : rest, StandardCharsets.UTF_8));
        }
    }

    private static byte[] dechunk(byte[] b) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] crlf = "\r\n".getBytes(StandardCharsets.US_ASCII);
        int i = 0;
        while (true) {
            int eol = indexOf(b, crlf, i);
            int n = Integer.parseInt(new String(b, i, eol - i, StandardCharsets.US_ASCII).split(";")[0].strip(), 16);
            if (n == 0) {
                return out.toByteArray();
            }
            out.write(b, eol + 2, n);
            i = eol + 2 + n + 2;
        }
    }

    private static int indexOf(byte[] b, byte[] what, int from) {
        outer:
        for (int i = from; i <= b.length - what.length; i++) {
            for (int j = 0; j < what.length; j++) {
                if (b[i + j] != what[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new IllegalStateException("malformed response: " + new String(b, StandardCharsets.UTF_8));
    }
}
