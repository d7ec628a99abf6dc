package kz.gfc.kit.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.agroal.api.AgroalDataSource;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.Context;
import kz.gfc.kit.iin.Iin;
import kz.gfc.kit.iin.Pseudonymizer;
import kz.gfc.kit.problem.Problem;
import kz.gfc.kit.problem.ProblemException;
import kz.gfc.kit.problem.Text;

/**
 * {@code Idempotency-Key} on every creating call (POST under {@code /api/}), for every
 * service, without a resource knowing: the first call with a key claims it, runs, and its
 * successful response is kept for a day; a retry with the same key and the same request gets
 * that response back (header {@code Idempotent-Replayed: true}) and changes nothing. The same
 * key with a different request is refused (422); a retry while the first call still runs is
 * told to wait (409, {@code Retry-After}). A call that failed releases its key: it changed
 * nothing, so trying again is safe. Keys are per caller, so two callers never collide.
 */
@ApplicationScoped
public class IdempotencyKeys {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED = "Idempotent-Replayed";

    private static final Logger LOG = Logger.getLogger(IdempotencyKeys.class);
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{8,100}");
    private static final String CLAIM = IdempotencyKeys.class.getName();
    /** A claim this old whose call never finished belonged to a crashed instance: it may be taken over. */
    private static final Duration ABANDONED = Duration.ofMinutes(1);
    private static final Duration KEPT = Duration.ofHours(24);

    @Inject
    AgroalDataSource dataSource;

    @Inject
    SecurityIdentity identity;

    @Inject
    Pseudonymizer pseudonyms;

    @Inject
    ObjectMapper json;

    private volatile Instant lastCleanup = Instant.EPOCH;

    private record Claim(String caller, String key) {
    }

    @ServerRequestFilter(priority = Priorities.USER + 100)
    public Optional<Response> claim(ContainerRequestContext request) throws IOException {
        String key = request.getHeaderString(HEADER);
        if (key == null || !"POST".equals(request.getMethod()) || !request.getUriInfo().getPath().startsWith("/api/")
                || identity.isAnonymous() || Context.isOnEventLoopThread()) {
            return Optional.empty();
        }
        if (!SANE.matcher(key).matches()) {
            throw ProblemException.unprocessable("idempotency-key-malformed",
                    "Idempotency-Key must be 8 to 100 characters of A-Z a-z 0-9 . _ : -",
                    Text.of("Сұраныс кілті дұрыс емес", "Неверный ключ запроса"),
                    new Problem.FieldError(HEADER, "8-100 characters of A-Z a-z 0-9 . _ : -"));
        }
        byte[] body = request.hasEntity() ? request.getEntityStream().readAllBytes() : new byte[0];
        request.setEntityStream(new ByteArrayInputStream(body));
        String hash = sha256(request.getUriInfo().getRequestUri().getRawPath() + "?"
                + request.getUriInfo().getRequestUri().getRawQuery() + "\n", body);
        Claim claim = new Claim(caller(), key);
        try (Connection c = dataSource.getConnection()) {
            cleanup(c);
            if (insert(c, claim, hash) || takeOverAbandoned(c, claim, hash)) {
                request.setProperty(CLAIM, claim);
                return Optional.empty();
            }
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT request_hash, status, location, content_type, body FROM idempotency_key
                    WHERE caller = ? AND idem_key = ?""")) {
                ps.setString(1, claim.caller());
                ps.setString(2, claim.key());
                try (ResultSet r = ps.executeQuery()) {
                    if (!r.next() || r.getObject(2) == null) {
                        throw inFlight();
                    }
                    if (!hash.equals(r.getString(1))) {
                        throw ProblemException.unprocessable("idempotency-key-reused",
                                "This Idempotency-Key was used for a different request",
                                Text.of("Бұл кілт басқа сұранысқа қолданылған", "Этот ключ уже использован для другого запроса"),
                                new Problem.FieldError(HEADER, "already used for a different request"));
                    }
                    Response.ResponseBuilder replay = Response.status(r.getInt(2)).header(REPLAYED, "true");
                    if (r.getString(3) != null) {
                        replay.header(HttpHeaders.LOCATION, r.getString(3));
                    }
                    if (r.getString(5) != null) {
                        replay.entity(r.getString(5)).type(r.getString(4) == null ? MediaType.APPLICATION_JSON : r.getString(4));
                    }
                    return Optional.of(replay.build());
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("idempotency key store unavailable", e);
        }
    }

    @ServerResponseFilter
    public void settle(ContainerRequestContext request, ContainerResponseContext response) {
        if (!(request.getProperty(CLAIM) instanceof Claim claim)) {
            return;
        }
        int status = response.getStatus();
        String location = response.getHeaderString(HttpHeaders.LOCATION);
        MediaType type = response.getMediaType();
        String body = status >= 200 && status < 300 ? body(response.getEntity()) : null;
        Runnable write = () -> settle(claim, status, location, type == null ? null : type.toString(), body);
        if (Context.isOnEventLoopThread()) {
            io.smallrye.mutiny.infrastructure.Infrastructure.getDefaultWorkerPool().execute(write);
        } else {
            write.run();
        }
    }

    private void settle(Claim claim, int status, String location, String type, String body) {
        boolean succeeded = status >= 200 && status < 300;
        String sql = succeeded
                ? "UPDATE idempotency_key SET status = ?, location = ?, content_type = ?, body = ? WHERE caller = ? AND idem_key = ?"
                : "DELETE FROM idempotency_key WHERE caller = ? AND idem_key = ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            int i = 1;
            if (succeeded) {
                ps.setInt(i++, status);
                ps.setString(i++, location);
                ps.setString(i++, type);
                ps.setString(i++, body);
            }
            ps.setString(i++, claim.caller());
            ps.setString(i, claim.key());
            ps.executeUpdate();
        } catch (SQLException e) {
            // the call itself is done; a retry within a minute gets 409, later it runs again
            LOG.errorf(e, "Idempotency-Key %s not settled", claim.key());
        }
    }

    private static boolean insert(Connection c, Claim claim, String hash) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO idempotency_key (caller, idem_key, request_hash) VALUES (?, ?, ?)
                ON CONFLICT DO NOTHING""")) {
            ps.setString(1, claim.caller());
            ps.setString(2, claim.key());
            ps.setString(3, hash);
            return ps.executeUpdate() == 1;
        }
    }

    private static boolean takeOverAbandoned(Connection c, Claim claim, String hash) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                UPDATE idempotency_key SET created_at = now()
                WHERE caller = ? AND idem_key = ? AND request_hash = ? AND status IS NULL
                  AND created_at < now() - make_interval(secs => ?)""")) {
            ps.setString(1, claim.caller());
            ps.setString(2, claim.key());
            ps.setString(3, hash);
            ps.setLong(4, ABANDONED.toSeconds());
            return ps.executeUpdate() == 1;
        }
    }

    private void cleanup(Connection c) throws SQLException {
        Instant now = Instant.now();
        if (Duration.between(lastCleanup, now).toMinutes() < 10) {
            return;
        }
        lastCleanup = now;
        try (PreparedStatement ps = c.prepareStatement(
                "DELETE FROM idempotency_key WHERE created_at < now() - make_interval(secs => ?)")) {
            ps.setLong(1, KEPT.toSeconds());
            ps.executeUpdate();
        }
    }

    private String caller() {
        String name = identity.getPrincipal().getName();
        // a citizen's login may be their IIN: this table keeps only its pseudonym
        return Iin.isValid(name) ? pseudonyms.pseudonym(Iin.of(name)) : name;
    }

    private String body(Object entity) {
        if (entity == null) {
            return null;
        }
        if (entity instanceof String s) {
            return s;
        }
        try {
            return json.writeValueAsString(entity);
        } catch (JsonProcessingException e) {
            LOG.warnf("response of type %s not kept for Idempotency-Key replay", entity.getClass().getName());
            return null;
        }
    }

    private static ProblemException inFlight() {
        return ProblemException.conflict("idempotency-key-in-flight",
                "A request with this Idempotency-Key is still being processed; retry in a second",
                Text.of("Сұраныс өңделуде, сәлден кейін қайталаңыз", "Запрос ещё обрабатывается, повторите через секунду"))
                .with("retryAfterSeconds", 1);
    }

    private static String sha256(String head, byte[] body) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(head.getBytes(StandardCharsets.UTF_8));
            md.update(body);
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
