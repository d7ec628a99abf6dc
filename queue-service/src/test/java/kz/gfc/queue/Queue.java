package kz.gfc.queue;

import static io.restassured.RestAssured.given;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import kz.gfc.kit.testing.ServiceContract;

/**
 * Test helpers speaking the public HTTP API. Every test builds its own branch with a random
 * code, so tests sharing the module's database never see each other's queues.
 */
public final class Queue {

    public static final String ADMIN = ServiceContract.token("admin-1", "admin");

    private Queue() {
    }

    public static String citizen(String name) {
        return ServiceContract.token(name, "citizen");
    }

    /** A citizen signed in with their IIN (token claim iin), as the citizen app and egov.kz sign in. */
    public static String citizen(String name, String iin) {
        return ServiceContract.token(name, Map.of("iin", iin), "citizen");
    }

    /** An operator working at the branch (token claim branch, as Keycloak issues it), named by their token. */
    public static String operator(String name, String branch) {
        return operator(name, branch, "Оператор " + name);
    }

    /** An operator whose token names them {@code fullName}, with a position claim for the nameplate. */
    public static String operator(String login, String branch, String fullName) {
        return ServiceContract.token(login, Map.of("branch", branch, "name", fullName,
                "position", "бас менеджер / главный менеджер"), "operator");
    }

    /** The head of the branch. */
    public static String supervisor(String branch) {
        return ServiceContract.token("supervisor-" + branch, Map.of("branch", branch), "supervisor");
    }

    public static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    /** A fresh branch of the given schedule kind serving the given categories. */
    public static String branch(String kind, String... categories) {
        String code = "T-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        as(ADMIN).body(Map.of("code", code, "nameKk", "Сынақ ХҚКО " + code, "nameRu", "Тестовый ЦОН " + code,
                "region", "Алматы", "timeZone", "Asia/Almaty", "scheduleKind", kind,
                "categories", Arrays.asList(categories)))
                .post("/api/v1/branches").then().statusCode(201);
        return code;
    }

    public static long window(String branch, int number, String... categories) {
        return as(ADMIN).body(Map.of("number", number, "categories", Arrays.asList(categories)))
                .post("/api/v1/branches/" + branch + "/windows").then().statusCode(201)
                .extract().jsonPath().getLong("id");
    }

    /** Signs in; the nameplate is the token's, so {@code fullName} only says, for the reader, who sits there. */
    public static void signIn(long window, String operatorToken, String fullName) {
        as(operatorToken).post("/api/v1/windows/" + window + "/session").then().statusCode(200);
    }

    public static Response issue(String token, String branch, Map<String, Object> body) {
        return as(token).body(body).post("/api/v1/branches/" + branch + "/tickets");
    }

    /** A walk-in ticket for the category, issued by an operator at the kiosk; returns the response body. */
    public static Response walkIn(String branch, String category) {
        Response r = issue(operator("kiosk", branch), branch, Map.of("category", category, "channel", "WALK_IN", "language", "ru"));
        r.then().statusCode(201);
        return r;
    }

    public static Response priority(String branch, String category, String reason) {
        Response r = issue(operator("kiosk", branch), branch,
                Map.of("category", category, "channel", "WALK_IN", "language", "ru", "priorityReason", reason));
        r.then().statusCode(201);
        return r;
    }

    public static Response callNext(String operatorToken, long window) {
        return as(operatorToken).post("/api/v1/windows/" + window + "/call-next");
    }

    public static Response act(String token, String ticketId, String action) {
        return as(token).post("/api/v1/tickets/" + ticketId + "/" + action);
    }

    /** Calls, starts and completes at the window; returns the number called, or null when nobody waits. */
    public static String serveNext(String operatorToken, long window) {
        Response r = callNext(operatorToken, window);
        if (r.statusCode() == 204) {
            return null;
        }
        r.then().statusCode(200);
        String id = r.jsonPath().getString("ticket.id");
        act(operatorToken, id, "start").then().statusCode(200);
        act(operatorToken, id, "complete").then().statusCode(200);
        return r.jsonPath().getString("ticket.number");
    }

    public static List<String> list(String... s) {
        return List.of(s);
    }
}
