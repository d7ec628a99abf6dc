package kz.gfc.audit.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.RestAssured;
import kz.gfc.audit.domain.AuditRecord;
import kz.gfc.kit.iin.SyntheticIins;
import kz.gfc.kit.testing.RealInfrastructure;
import kz.gfc.kit.testing.ServiceContract;

/**
 * R21 end to end in audit-service, whose own actions are audited to the run's audit topic and
 * consumed back into its log: hostile headers and paths still give exactly one well-formed
 * line per action, and only the gateway may say who the client is. Here the gateway is
 * 127.0.0.2 (Linux answers on all of 127/8), so a caller at 127.0.0.1 is an outsider.
 */
@QuarkusTest
@TestProfile(HostileRequestAuditTest.GatewayAt127002.class)
@QuarkusTestResource(RealInfrastructure.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class HostileRequestAuditTest {

    public static class GatewayAt127002 implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("gfc.trusted-proxies", "127.0.0.2");
        }
    }

    static final String OUTSIDER = "127.0.0.1";
    static final String GATEWAY = "127.0.0.2";
    static final Pattern TWELVE_DIGITS = Pattern.compile("\\d{12}");

    private final String auditor = ServiceContract.token("auditor-hostile", "auditor");

    @Test
    void R21_aCallerWhoIsNotTheGatewayCannotChooseTheAddressTheLogStores() throws IOException {
        Map<String, String> forged = new LinkedHashMap<>();
        forged.put("X-Forwarded-For: " + "a".repeat(150), OUTSIDER);
        forged.put("X-Forwarded-For: 6.6.6.6, 1.2.3.4", OUTSIDER);
        forged.put("X-Forwarded-For: 6.6.6.6", OUTSIDER);
        forged.put("X-Forwarded-For: [::1]:80, <script>, 1.2.3.4.5", OUTSIDER);
        forged.put("Forwarded: for=6.6.6.6", OUTSIDER);
        forged.put("X-Forwarded-For: " + "9.9.9.9, ".repeat(1500) + "9.9.9.9", OUTSIDER);
        Map<String, String> lines = new LinkedHashMap<>();
        for (Map.Entry<String, String> header : forged.entrySet()) {
            Answer a = post(OUTSIDER, "/api/v1/audit/records", header.getKey());
            assertThat(a.status).as(header.getKey()).isEqualTo(405);
            lines.put(a.correlationId, header.getValue());
        }
        for (Map.Entry<String, String> line : lines.entrySet()) {
            AuditRecord r = theOneLine(line.getKey());
            assertThat(r.clientAddress).as("line %s", line.getKey()).isEqualTo(line.getValue());
            assertWellFormed(r);
        }
    }

    @Test
    void R21_theGatewaysForwardedAddressIsTheOneStored_andJunkFromItIsNoAddress() throws IOException {
        Answer real = post(GATEWAY, "/api/v1/audit/records", "X-Forwarded-For: 203.0.113.7");
        Answer ipv6 = post(GATEWAY, "/api/v1/audit/records", "X-Forwarded-For: 2001:db8:0:0:0:0:0:7");
        // Quarkus takes the first address a trusted proxy sent, which is why the gateway overwrites the header
        Answer first = post(GATEWAY, "/api/v1/audit/records", "X-Forwarded-For: 198.51.100.1, 198.51.100.2");
        Answer letters = post(GATEWAY, "/api/v1/audit/records", "X-Forwarded-For: " + "a".repeat(150));
        Answer none = post(GATEWAY, "/api/v1/audit/records");
        assertThat(List.of(real.status, ipv6.status, first.status, letters.status, none.status)).containsOnly(405);

        assertThat(theOneLine(real.correlationId).clientAddress).isEqualTo("203.0.113.7");
        assertThat(theOneLine(ipv6.correlationId).clientAddress).isEqualTo("2001:db8::7");
        assertThat(theOneLine(first.correlationId).clientAddress).isEqualTo("198.51.100.1");
        assertThat(theOneLine(letters.correlationId).clientAddress).as("not an IP literal: no address").isNull();
        assertThat(theOneLine(none.correlationId).clientAddress).isEqualTo(GATEWAY);
        for (Answer a : List.of(real, ipv6, first, letters, none)) {
            assertWellFormed(theOneLine(a.correlationId));
        }
    }

    @Test
    void R21_hostilePathsAndCorrelationIdsStillGiveOneWellFormedLinePerAction() throws IOException {
        String iin = SyntheticIins.random().value();
        Answer longSegment = post(OUTSIDER, "/api/v1/audit/" + "x".repeat(2000),
                "X-Correlation-Id: " + "c".repeat(300), "X-Forwarded-For: " + "b".repeat(150));
        Answer withIin = post(OUTSIDER, "/api/v1/audit/" + iin + "/records/" + iin, "X-Forwarded-For: 6.6.6.6");
        Answer badCorrelation = post(GATEWAY, "/api/v1/audit/records", "X-Correlation-Id: <script>alert(1)</script>",
                "X-Forwarded-For: 6.6.6.6, 1.2.3.4");
        assertThat(longSegment.status).isEqualTo(404);
        assertThat(withIin.status).isEqualTo(404);
        assertThat(badCorrelation.status).isEqualTo(405);
        // an unusable X-Correlation-Id is replaced by one of the service's own
        assertThat(longSegment.correlationId).hasSize(36);
        assertThat(badCorrelation.correlationId).hasSize(36);

        AuditRecord l = theOneLine(longSegment.correlationId);
        assertWellFormed(l);
        assertThat(l.path).startsWith("/api/v1/audit/xxx").hasSizeLessThanOrEqualTo(200).contains("~");
        assertThat(l.resourceId).hasSizeLessThanOrEqualTo(AuditRecord.RESOURCE_ID).startsWith("xxx");
        assertThat(l.clientAddress).isEqualTo(OUTSIDER);

        AuditRecord i = theOneLine(withIin.correlationId);
        assertWellFormed(i);
        assertThat(i.path).startsWith("/api/v1/audit/").doesNotContain(iin);
        assertThat(i.resourceId).isNotNull().doesNotContain(iin);

        assertThat(theOneLine(badCorrelation.correlationId).clientAddress).isEqualTo("6.6.6.6");

        given().auth().oauth2(auditor).when().get("/api/v1/audit/verify").then()
                .statusCode(200).body("intact", equalTo(true));
    }

    /** Every value fits its column, no IIN is in clear, and the address is an IP literal or nothing. */
    private static void assertWellFormed(AuditRecord r) {
        assertThat(r.actorId).isEqualTo("auditor-hostile");
        assertThat(r.outcome).isEqualTo("REJECTED");
        assertThat(r.service).isEqualTo("audit-service");
        assertThat(r.httpMethod).isEqualTo("POST");
        assertThat(r.action).hasSizeLessThanOrEqualTo(AuditRecord.ACTION);
        assertThat(r.path).hasSizeLessThanOrEqualTo(AuditRecord.PATH).startsWith("/api/v1/audit/");
        assertThat(r.resourceType).isEqualTo("audit");
        assertThat(r.resourceId == null ? "" : r.resourceId).hasSizeLessThanOrEqualTo(AuditRecord.RESOURCE_ID);
        assertThat(r.correlationId).hasSizeLessThanOrEqualTo(AuditRecord.CORRELATION_ID);
        if (r.clientAddress != null) {
            assertThat(r.clientAddress).hasSizeLessThanOrEqualTo(45).matches("[0-9.]+|[0-9a-f:.]+");
        }
        for (String value : new String[] {r.actorId, r.action, r.path, r.resourceType, r.resourceId, r.correlationId}) {
            assertThat(value == null ? "" : value).doesNotContainPattern(TWELVE_DIGITS);
        }
    }

    /** The stored line of the request with this correlation id, checked to be the only one. */
    private static AuditRecord theOneLine(String correlationId) {
        await().atMost(Duration.ofSeconds(30)).until(() -> !lines(correlationId).isEmpty());
        // and stays the only one: no second line (a draft, a retry) follows
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() -> lines(correlationId).size() == 1);
        List<AuditRecord> lines = lines(correlationId);
        assertThat(lines).as("lines of request %s", correlationId).hasSize(1);
        return lines.get(0);
    }

    private static List<AuditRecord> lines(String correlationId) {
        return QuarkusTransaction.requiringNew().call(() -> AuditRecord.<AuditRecord>list("correlationId", correlationId));
    }

    record Answer(int status, String correlationId) {
    }

    /** A POST on a socket of its own, from {@code from}: a peer address RestAssured cannot choose. */
    private Answer post(String from, String path, String... headers) throws IOException {
        StringBuilder request = new StringBuilder("POST " + path + " HTTP/1.1\r\n")
                .append("Host: 127.0.0.1:").append(RestAssured.port).append("\r\n")
                .append("Authorization: Bearer ").append(auditor).append("\r\n");
        boolean ownCorrelation = false;
        for (String h : headers) {
            request.append(h).append("\r\n");
            ownCorrelation |= h.startsWith("X-Correlation-Id:");
        }
        // A UUID's last group is all digits about once in 280 draws, and the service refuses an
        // id with twelve digits in a row (it could be an IIN in every log line): draw again.
        String correlationId;
        do {
            correlationId = "hostile-" + UUID.randomUUID();
        } while (correlationId.matches(".*\\d{12}.*"));
        if (!ownCorrelation) {
            request.append("X-Correlation-Id: ").append(correlationId).append("\r\n");
        }
        request.append("Content-Length: 0\r\nConnection: close\r\n\r\n");
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(from, 0));
            socket.connect(new InetSocketAddress("127.0.0.1", RestAssured.port), 5_000);
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            Matcher echoed = Pattern.compile("(?im)^X-Correlation-Id: *(\\S+)").matcher(response);
            assertThat(echoed.find()).as("correlation id echoed in %s", response).isTrue();
            if (!ownCorrelation) {
                assertThat(echoed.group(1)).isEqualTo(correlationId);
            }
            return new Answer(Integer.parseInt(response.substring(9, 12)), echoed.group(1));
        }
    }
}
