package kz.gfc.intake;

import static io.restassured.RestAssured.given;

import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.restassured.response.Response;
import kz.gfc.kit.testing.TestPki;
import kz.gfc.kit.iin.Iin;
import kz.gfc.kit.iin.SyntheticIins;
import kz.gfc.kit.testing.ServiceContract;

/** Test helpers: staff and provider tokens, a complete application body per service, submitting it. */
public final class Intake {

    /** A synthetic person of the population register data file (src/main/resources/population/people.json). */
    public static final String REGISTERED_IIN = "610412391010";
    public static final String REGISTERED_NAME = "АХМЕТОВ БАУЫРЖАН СЕРИКОВИЧ";
    public static final String OPERATOR_NAME = "Серикова Алия Ержановна";

    /** The IIN in every test operator's token: the one their EDS certificate must name. */
    public static final String OPERATOR_IIN = SyntheticIins.random().value();

    /**
     * How the tests sign an application: (RFC 8785 canonical JSON of the body without
     * {@code signature}, the operator's IIN) → base64 detached CMS, by an operator certificate
     * of the test НУЦ authority the service trusts ({@link TestPki#shared()}), made once per IIN.
     */
    public static volatile java.util.function.BiFunction<byte[], String, String> signer =
            (content, iin) -> Operators.of(iin).sign(content);

    /** A well-formed CMS structure that verifies against nothing: for refusals. */
    public static final String SIGNATURE = Base64.getEncoder().encodeToString(new byte[] {0x30, (byte) 0x82, 0x01, 0x00,
            6, 9, 42, -122, 72, -122, -9, 13, 1, 7, 2, 0, 0, 0, 0, 0});

    private static final class Operators {
        private static final Map<String, TestPki.Holder> BY_IIN = new java.util.concurrent.ConcurrentHashMap<>();

        static TestPki.Holder of(String iin) {
            return BY_IIN.computeIfAbsent(iin, i -> TestPki.shared().ca.operator(i));
        }
    }

    static {
        TestPki.shared(); // the trusted CA file exists before the first application is checked
    }

    private Intake() {
    }

    public static String operator(String branch) {
        String user = "op-" + UUID.randomUUID();
        return ServiceContract.token(user,
                Map.of("branch", branch, "iin", OPERATOR_IIN, "name", OPERATOR_NAME), "operator");
    }

    public static String provider(String code) {
        return ServiceContract.token("provider-" + code.toLowerCase(), Map.of("provider", code), "provider");
    }

    public static String citizen(Iin iin) {
        return ServiceContract.token("citizen-" + UUID.randomUUID(), Map.of("iin", iin.value()), "citizen");
    }

    public static String admin() {
        return ServiceContract.token("admin-" + UUID.randomUUID(), "admin");
    }

    public static String service() {
        return ServiceContract.token("gfc-services", "service");
    }

    /** A complete, accepted-as-is application for the service, by the applicant themself. */
    public static Map<String, Object> form(String serviceCode, String branch, String iin) {
        Map<String, Object> body = new HashMap<>();
        body.put("serviceCode", serviceCode);
        body.put("branch", branch);
        body.put("applicant", new HashMap<>(Map.of("iin", iin, "fullName", "Тестова Әсел Қанатқызы", "phone", "+77011234567")));
        body.put("appliedBy", new HashMap<>(Map.of("kind", "SELF")));
        body.put("identityCheck", new HashMap<>(Map.of("method", "ID_CARD", "confirmed", true, "reference", "045612378")));
        body.put("language", "kk");
        List<Map<String, Object>> documents = new ArrayList<>();
        Map<String, Object> fields = new HashMap<>();
        switch (serviceCode) {
            case "PASSPORT" -> {
                documents.add(doc("IDENTITY_CARD", "ORIGINAL"));
                fields.put("reason", "истечение срока");
                body.put("payment", payment("34600", "KZT", "PAY-" + UUID.randomUUID().toString().substring(0, 8)));
            }
            case "ID_CARD" -> {
                documents.add(doc("IDENTITY_CARD", "ORIGINAL"));
                fields.put("reason", "утеря");
                body.put("payment", payment("865", "KZT", "PAY-1"));
            }
            case "CRIMINAL_RECORD" -> {
                documents.add(doc("IDENTITY_CARD", "DIGITAL"));
                fields.put("purpose", "по месту работы");
            }
            case "AGE_PENSION" -> {
                documents.add(doc("IDENTITY_CARD", "ORIGINAL"));
                documents.add(doc("SERVICE_RECORD", "ORIGINAL"));
                fields.put("bankAccount", "KZ12345678901234567X");
            }
            case "CHILDBIRTH_ALLOWANCE" -> {
                documents.add(doc("IDENTITY_CARD", "ORIGINAL"));
                fields.put("childBirthDate", "2026-10-01");
                fields.put("childOrder", "2");
                fields.put("bankAccount", "KZ12345678901234567X");
            }
            case "APPEAL" -> {
                documents.add(doc("IDENTITY_CARD", "ORIGINAL"));
                fields.put("subject", "Жалоба на задержку");
                fields.put("text", "Прошу рассмотреть");
                body.put("addressee", "MLSPP");
            }
            case "EXPRESS_ID_CARD" -> {
                documents.add(doc("IDENTITY_CARD", "ORIGINAL"));
                fields.put("reason", "срочно");
                body.put("payment", payment("4983", "KZT", "PAY-2"));
            }
            default -> {
            }
        }
        body.put("documents", documents);
        body.put("fields", fields);
        return body;
    }

    public static Map<String, Object> doc(String code, String form) {
        return new HashMap<>(Map.of("code", code, "form", form));
    }

    public static Map<String, Object> payment(String amount, String currency, String reference) {
        return new HashMap<>(Map.of("amount", new java.math.BigDecimal(amount), "currency", currency, "reference", reference));
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> sub(Map<String, Object> body, String member) {
        return (Map<String, Object>) body.get(member);
    }

    /** The body with the operator's signature over it, unless it names one (or null) already. */
    public static Map<String, Object> signed(Map<String, Object> body) {
        if (body.containsKey("signature")) {
            return body;
        }
        Map<String, Object> out = new HashMap<>(body);
        try {
            byte[] canonical = new org.erdtman.jcs.JsonCanonicalizer(new com.fasterxml.jackson.databind.ObjectMapper()
                    .writeValueAsString(body)).getEncodedUTF8();
            out.put("signature", signer.apply(canonical, OPERATOR_IIN));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    /** Submits the application, signed. */
    public static Response submit(String token, Map<String, Object> body) {
        return given().auth().oauth2(token).contentType("application/json").body(signed(body))
                .when().post("/api/v1/applications");
    }

    public static String branch() {
        return "T" + (char) ('A' + (int) (Math.random() * 26)) + (char) ('A' + (int) (Math.random() * 26)) + "-"
                + String.format("%02d", (int) (Math.random() * 100));
    }
}
