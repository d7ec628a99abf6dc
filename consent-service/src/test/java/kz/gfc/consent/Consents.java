package kz.gfc.consent;

import static io.restassured.RestAssured.given;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.microprofile.config.ConfigProvider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import kz.gfc.kit.iin.Iin;
import kz.gfc.kit.testing.ServiceContract;

/** The calls the tests make, with the tokens each kind of caller has. */
final class Consents {

    static final String OPERATOR = ServiceContract.token("op-consent",
            Map.of("name", "Айгерім Оператор", "branch", "ALM-01"), "operator");
    static final String MVD = ServiceContract.token("svc-mvd", Map.of("provider", "MVD"), "provider");
    static final String INTAKE = ServiceContract.token("svc-intake", "service");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern CODE = Pattern.compile("(?:Код подтверждения|Растау коды): (\\d{6})");

    private Consents() {
    }

    static String citizen(Iin iin) {
        return ServiceContract.token("citizen-" + iin.value().substring(8) + "-" + System.nanoTime(),
                Map.of("iin", iin.value()), "citizen");
    }

    static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType("application/json");
    }

    static String phone() {
        return "+77" + (100_000_000 + ThreadLocalRandom.current().nextInt(900_000_000));
    }

    static Map<String, Object> terms(String recipient, String purpose, String... scopes) {
        return new java.util.HashMap<>(Map.of("recipient", recipient, "purpose", purpose, "scopes", List.of(scopes),
                "language", "ru"));
    }

    /** An operator asks for a consent for {@code iin}, texted to {@code phone}. */
    static Response request(Iin iin, String phone, Map<String, Object> terms) {
        Map<String, Object> body = new java.util.HashMap<>(terms);
        body.put("subject", iin.value());
        body.put("phone", phone);
        return as(OPERATOR).body(body).post("/api/v1/consent-requests");
    }

    static Response confirm(String requestId, String code) {
        return as(OPERATOR).body(Map.of("code", code)).post("/api/v1/consent-requests/" + requestId + "/confirm");
    }

    /** Asks and confirms with the texted code; returns the consent id. */
    static String grantBySms(Iin iin, Map<String, Object> terms) {
        String phone = phone();
        String id = request(iin, phone, terms).then().statusCode(201).extract().path("id");
        return confirm(id, lastCode(phone)).then().statusCode(200).extract().path("consent.id");
    }

    static Response check(String token, Iin iin, String recipient, String scope, String purpose) {
        return as(token).body(Map.of("subject", iin.value(), "recipient", recipient, "scope", scope, "purpose", purpose))
                .post("/api/v1/consents/check");
    }

    static boolean allowed(Iin iin, String recipient, String scope, String purpose) {
        return check(MVD, iin, recipient, scope, purpose).then().statusCode(200).extract().path("allowed");
    }

    /** Every text the notification sink holds for {@code phone}, oldest first. */
    static List<JsonNode> texts(String phone) {
        Path file = Path.of(ConfigProvider.getConfig().getValue("gfc.notify.sink-file", String.class));
        try {
            if (!Files.exists(file)) {
                return List.of();
            }
            return Files.readAllLines(file, StandardCharsets.UTF_8).stream().map(Consents::parse)
                    .filter(n -> phone.equals(n.path("phone").asText())).toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The one-time code last texted to {@code phone}; the text leaves after commit, so it may take a moment. */
    static String lastCode(String phone) {
        long deadline = System.currentTimeMillis() + 5_000;
        while (System.currentTimeMillis() < deadline) {
            List<JsonNode> t = texts(phone);
            if (!t.isEmpty()) {
                Matcher m = CODE.matcher(t.get(t.size() - 1).path("text").asText());
                if (m.find()) {
                    return m.group(1);
                }
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        throw new AssertionError("no code was texted to " + phone);
    }

    private static JsonNode parse(String line) {
        try {
            return JSON.readTree(line);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
