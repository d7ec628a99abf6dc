package kz.gfc.issuance;

import static io.restassured.RestAssured.given;

import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.ConfigProvider;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import kz.gfc.issuance.domain.DocumentPackage;
import kz.gfc.kit.iin.Iin;
import kz.gfc.kit.iin.Pseudonymizer;
import kz.gfc.kit.iin.SyntheticIins;
import kz.gfc.kit.testing.KafkaProbe;
import kz.gfc.kit.testing.ServiceContract;

/** Packages as intake makes them (an ApplicationAccepted on the real topic), and the staff who move them. */
final class Packages {

    static final ObjectMapper JSON = new ObjectMapper();
    static final Pseudonymizer PSEUDONYMS = new Pseudonymizer(
            ConfigProvider.getConfig().getValue("gfc.pseudonym.secret", String.class));

    private Packages() {
    }

    /** One application: its id, the applicant's IIN (kept by the test only), and what intake says of it. */
    record Application(UUID id, Iin applicant, String branch, String provider, String delivery, String retention,
            String resultKind, String eventId) {
    }

    static String applicationsTopic() {
        return ConfigProvider.getConfig().getValue("mp.messaging.incoming.applications.topic", String.class);
    }

    static Application accepted(String branch, String provider, String delivery, String retention) {
        Application a = new Application(UUID.randomUUID(), SyntheticIins.random(), branch, provider, delivery, retention,
                "IDENTITY_DOCUMENT".equals(retention) ? "ID_CARD" : "CERTIFICATE", UUID.randomUUID().toString());
        send(a, a.eventId());
        return a;
    }

    /** Sends the application's ApplicationAccepted with the given CloudEvent id (the same id = a redelivery). */
    static void send(Application a, String eventId) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("applicationId", a.id().toString());
        data.put("receiptNumber", "R-" + a.id().toString().substring(0, 8));
        data.put("serviceCode", "SVC-" + a.resultKind());
        data.put("serviceKind", "SERVICE");
        data.put("catalogueVersion", 3);
        data.put("provider", a.provider());
        data.put("branchCode", a.branch());
        data.put("ticketId", null);
        data.put("applicantPseudonym", PSEUDONYMS.pseudonym(a.applicant()));
        data.put("operatorId", "op-intake");
        data.put("acceptedAt", "2026-11-20T05:00:00Z");
        data.put("readyDate", LocalDate.of(2026, 11, 27).toString());
        data.put("delivery", a.delivery());
        data.put("resultKind", a.resultKind());
        data.put("retentionClass", a.retention());
        data.put("language", "kk");
        try {
            KafkaProbe.send(applicationsTopic(), a.id().toString(),
                    Map.of("ce_specversion", "1.0", "ce_id", eventId, "ce_type", "kz.gfc.application.accepted.v1",
                            "ce_source", "/gfc/intake-service", "content-type", "application/json"),
                    JSON.writeValueAsString(data));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits for the package of an application and returns its barcode. */
    static String barcodeOf(Application a) {
        return Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> QuarkusTransaction.requiringNew().call(() -> DocumentPackage
                        .<DocumentPackage>find("applicationId", a.id()).firstResultOptional()
                        .map(p -> p.barcode).orElse(null)), b -> b != null);
    }

    static String opened(String branch, String provider, String delivery, String retention) {
        return barcodeOf(accepted(branch, provider, delivery, retention));
    }

    static RequestSpecification operator(String branch) {
        return as("op-" + branch, Map.of("branch", branch), "operator");
    }

    static RequestSpecification supervisor(String branch) {
        return as("sup-" + branch, Map.of("branch", branch), "supervisor");
    }

    static RequestSpecification provider(String code) {
        return as("svc-" + code.toLowerCase(), Map.of("provider", code), "provider");
    }

    static RequestSpecification as(String user, Map<String, String> claims, String... roles) {
        return given().auth().oauth2(ServiceContract.token(user, claims, roles)).contentType(ContentType.JSON);
    }

    static Response scan(String branch, String barcode, String scan, Integer window) {
        return operator(branch).body(window == null ? "{\"scan\":\"" + scan + "\"}"
                : "{\"scan\":\"" + scan + "\",\"window\":" + window + "}")
                .post("/api/v1/packages/" + barcode + "/scans");
    }

    /** A paper package scanned all the way to the issuance desk. */
    static void toDesk(String branch, String barcode) {
        scan(branch, barcode, "HANDED_TO_PROVIDER", null).then().statusCode(200);
        scan(branch, barcode, "RECEIVED_FROM_PROVIDER", null).then().statusCode(200);
        scan(branch, barcode, "TO_ISSUANCE_DESK", 7).then().statusCode(200);
    }

    /** From RECEIVED to the desk. */
    static void toDeskFrom(String branch, String barcode) {
        scan(branch, barcode, "TO_ISSUANCE_DESK", 7).then().statusCode(200);
    }

    static String self(Iin iin) {
        return "{\"recipient\":\"SELF\",\"identity\":{\"type\":\"ID_CARD\",\"number\":\"045123987\",\"iin\":\""
                + iin.value() + "\"}}";
    }

    static String representative(Iin representative, Iin represented, String validUntil) {
        return "{\"recipient\":\"REPRESENTATIVE\",\"identity\":{\"type\":\"PASSPORT\",\"number\":\"N1234567\",\"iin\":\""
                + representative.value() + "\"},\"powerOfAttorney\":{\"number\":\"POA-77\",\"date\":\"2026-01-10\","
                + "\"notary\":\"Notary A. Seitkali, Almaty\",\"validUntil\":\"" + validUntil
                + "\",\"representedIin\":\"" + represented.value() + "\"}}";
    }

    static long outbox(String type, String barcode) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) DocumentPackage.getEntityManager()
                .createNativeQuery("SELECT count(*) FROM outbox WHERE type = ?1 AND msg_key = ?2")
                .setParameter(1, type).setParameter(2, barcode).getSingleResult()).longValue());
    }

    static DocumentPackage load(String barcode) {
        return QuarkusTransaction.requiringNew().call(() -> {
            DocumentPackage p = DocumentPackage.<DocumentPackage>find("barcode", barcode).firstResult();
            p.chain.size();
            return p;
        });
    }
}
