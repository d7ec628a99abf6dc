package kz.gfc.intake;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Stand-ins for consent-service and queue-service, served by the test's own server on paths
 * outside /api (the intake's clients are pointed here in %test). Each answers only a call
 * that carries a bearer token, as the real services would.
 */
@Path("/test-fakes")
public class TestFakes {

    /** subject|recipient|scope|purpose → consent id of an active consent. */
    public static final Map<String, String> CONSENTS = new ConcurrentHashMap<>();
    public static final List<Map<String, Object>> CONSENT_CHECKS = new CopyOnWriteArrayList<>();
    public static final AtomicInteger CONSENT_FAILURES_TO_COME = new AtomicInteger();
    /** year → days queue serves. */
    public static final Map<Integer, List<Map<String, String>>> HOLIDAYS = new ConcurrentHashMap<>();

    public static String key(String subject, String recipient, String scope, String purpose) {
        return subject + "|" + recipient + "|" + scope + "|" + purpose;
    }

    @POST
    @Path("/consent/api/v1/consents/check")
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response check(Map<String, Object> body, @HeaderParam("Authorization") String authorization) {
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            return Response.status(401).build();
        }
        CONSENT_CHECKS.add(body);
        if (CONSENT_FAILURES_TO_COME.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            return Response.status(503).build();
        }
        String id = CONSENTS.get(key((String) body.get("subject"), (String) body.get("recipient"), (String) body.get("scope"),
                (String) body.get("purpose")));
        Map<String, Object> answer = new java.util.HashMap<>();
        answer.put("allowed", id != null);
        answer.put("consentId", id);
        answer.put("validUntil", id == null ? null : "2027-01-01T00:00:00Z");
        return Response.ok(answer).build();
    }

    @GET
    @Path("/queue/api/v1/holidays")
    @PermitAll
    @Produces(MediaType.APPLICATION_JSON)
    public Response holidays(@QueryParam("year") int year, @HeaderParam("Authorization") String authorization) {
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            return Response.status(401).build();
        }
        return Response.ok(HOLIDAYS.getOrDefault(year, List.of())).build();
    }
}
