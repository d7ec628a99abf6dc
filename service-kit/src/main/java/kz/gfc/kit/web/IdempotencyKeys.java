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
 * successful response is kept (InboxRetention prunes it after gfc.inbox.keep-idempotency-keys,
 * a day); a retry with the same key and the same request gets
 * that response back (header {@code Idempotent-Replayed: true}) and changes nothing. The same
 * key with a different request is refused (422); a retry while the first call still runs is
 * told to wait (409, {@code Retry-After}). Keys are per caller, so two callers never collide.
 *
 * <p>An action never runs twice for one key. Right before any transaction of the claiming
 * request commits, the key is marked committed through that same transaction
 * ({@link RequestCommits}), so the mark exists exactly when something committed. Only a key
 * whose call committed nothing is released when the call fails (trying again is then safe);
 * a committed key is kept whatever happens next — an error after the commit, or an instance
 * that died before storing the response — and a retry is then told the outcome is unknown
 * (409 {@code idempotency-key-outcome-unknown}) instead of running the action again. A claim
 * whose call neither committed nor answered within {@code gfc.idempotency.takeover-after} is
 * taken over by a retry; each takeover bumps the claim's generation, and the original call,
 * if it was only slow, finds its generation gone at its commit and is rolled back (409
 * {@code idempotency-key-taken-over}), so exactly one of them commits.
 */
@ApplicationScoped
public class IdempotencyKeys {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED = "Idempotent-Replayed";

    private static final Logger LOG = Logger.getLogger(IdempotencyKeys.class);
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{8,100}");
    private static final String CLAIM = IdempotencyKeys.class.getName();
    private static final int RETRY_AFTER_SECONDS = 1;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    SecurityIdentity identity;

    @Inject
    Pseudonymizer pseudonyms;

    @Inject
    ObjectMapper json;

    @Inject
    IdempotencyConfig config;

    @Inject
    RequestCommits commits;

    @Inject
    Caller callers;

    /** One claim of a key: the takeover of a stale claim is a new generation, and fences the old one off. */
    private record Claim(String caller, String key, int generation) {
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
        String caller = caller();
        try (Connection c = dataSource.getConnection()) {
            Integer generation = insert(c, caller, key, hash) ? Integer.valueOf(0) : takeOverStale(c, caller, key, hash);
            if (generation != null) {
                Claim claim = new Claim(caller, key, generation);
                request.setProperty(CLAIM, claim);
                commits.register(() -> markCommitted(claim));
                return Optional.empty();
            }
            return Optional.of(answerRetry(c, caller, key, hash));
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

    /**
     * Stores what the call answered. Every statement names the claim's generation: a call that
     * was taken over touches nothing of its successor's.
     */
    private void settle(Claim claim, int status, String location, String type, String body) {
        try (Connection c = dataSource.getConnection()) {
            if (status >= 200 && status < 300) {
                try (PreparedStatement ps = c.prepareStatement("""
                        UPDATE idempotency_key SET status = ?, location = ?, content_type = ?, body = ?
                        WHERE caller = ? AND idem_key = ? AND generation = ?""")) {
                    ps.setInt(1, status);
                    ps.setString(2, location);
                    ps.setString(3, type);
                    ps.setString(4, body);
                    bind(ps, 5, claim);
                    ps.executeUpdate();
                }
                return;
            }
            // the call failed: if it committed nothing, trying again is safe and the key is released
            try (PreparedStatement ps = c.prepareStatement(
                    "DELETE FROM idempotency_key WHERE caller = ? AND idem_key = ? AND generation = ? AND committed_at IS NULL")) {
                bind(ps, 1, claim);
                if (ps.executeUpdate() == 1) {
                    return;
                }
            }
            // it committed, then failed (a later step, the response): running it again would do it twice
            try (PreparedStatement ps = c.prepareStatement("""
                    UPDATE idempotency_key SET status = ?
                    WHERE caller = ? AND idem_key = ? AND generation = ? AND committed_at IS NOT NULL AND status IS NULL""")) {
                ps.setInt(1, status);
                bind(ps, 2, claim);
                if (ps.executeUpdate() == 1) {
                    LOG.warnf("Idempotency-Key %s kept: its call committed, then answered %d; retries are told the outcome is unknown",
                            claim.key(), status);
                }
            }
        } catch (SQLException e) {
            // the call itself is done; if it committed, its mark keeps retries from running it again
            LOG.errorf(e, "Idempotency-Key %s not settled", claim.key());
        }
    }

    /** In the claiming request's transaction, right before it commits: the key's outcome is now "committed". */
    private RequestCommits.AfterCompletion markCommitted(Claim claim) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                UPDATE idempotency_key SET committed_at = coalesce(committed_at, clock_timestamp())
                WHERE caller = ? AND idem_key = ? AND generation = ?""")) {
            bind(ps, 1, claim);
            if (ps.executeUpdate() == 1) {
                return null;
            }
        } catch (SQLException e) {
            // without its mark a committed action could be run again by a retry: it does not commit
            throw new IllegalStateException("Idempotency-Key " + claim.key() + " not marked committed", e);
        }
        throw takenOver();
    }

    private Response answerRetry(Connection c, String caller, String key, String hash) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT request_hash, status, location, content_type, body, committed_at,
                       committed_at < now() - make_interval(secs => ?)
                FROM idempotency_key WHERE caller = ? AND idem_key = ?""")) {
            ps.setDouble(1, seconds(config.takeoverAfter()));
            ps.setString(2, caller);
            ps.setString(3, key);
            try (ResultSet r = ps.executeQuery()) {
                if (!r.next()) {
                    throw inFlight(); // released a moment ago: the next try claims it
                }
                if (!hash.equals(r.getString(1))) {
                    throw ProblemException.unprocessable("idempotency-key-reused",
                            "This Idempotency-Key was used for a different request",
                            Text.of("Бұл кілт басқа сұранысқа қолданылған", "Этот ключ уже использован для другого запроса"),
                            new Problem.FieldError(HEADER, "already used for a different request"));
                }
                Integer status = (Integer) r.getObject(2);
                Instant committedAt = r.getTimestamp(6) == null ? null : r.getTimestamp(6).toInstant();
                if (status != null && status >= 200 && status < 300) {
                    Response.ResponseBuilder replay = Response.status(status).header(REPLAYED, "true");
                    if (r.getString(3) != null) {
                        replay.header(HttpHeaders.LOCATION, r.getString(3));
                    }
                    if (r.getString(5) != null) {
                        replay.entity(r.getString(5)).type(r.getString(4) == null ? MediaType.APPLICATION_JSON : r.getString(4));
                    }
                    return replay.build();
                }
                // committed, then answered an error; or committed long ago and never answered (its instance died)
                if (committedAt != null && (status != null || r.getBoolean(7))) {
                    throw outcomeUnknown(committedAt);
                }
                throw inFlight(); // still running, or committed a moment ago and storing its response
            }
        }
    }

    private static boolean insert(Connection c, String caller, String key, String hash) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO idempotency_key (caller, idem_key, request_hash) VALUES (?, ?, ?)
                ON CONFLICT DO NOTHING""")) {
            ps.setString(1, caller);
            ps.setString(2, key);
            ps.setString(3, hash);
            return ps.executeUpdate() == 1;
        }
    }

    /**
     * A claim that neither committed nor answered for {@code takeover-after} belonged to an
     * instance presumed dead: the retry takes it over as the next generation. Should the
     * original only have been slow, its commit finds its generation gone and rolls back; a
     * commit already under way holds the row, so this waits for it and then finds it committed.
     */
    private Integer takeOverStale(Connection c, String caller, String key, String hash) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                UPDATE idempotency_key SET created_at = now(), generation = generation + 1
                WHERE caller = ? AND idem_key = ? AND request_hash = ? AND status IS NULL AND committed_at IS NULL
                  AND created_at < now() - make_interval(secs => ?)
                RETURNING generation""")) {
            ps.setString(1, caller);
            ps.setString(2, key);
            ps.setString(3, hash);
            ps.setDouble(4, seconds(config.takeoverAfter()));
            try (ResultSet r = ps.executeQuery()) {
                return r.next() ? Integer.valueOf(r.getInt(1)) : null;
            }
        }
    }

    private static void bind(PreparedStatement ps, int from, Claim claim) throws SQLException {
        ps.setString(from, claim.caller());
        ps.setString(from + 1, claim.key());
        ps.setInt(from + 2, claim.generation());
    }

    private static double seconds(Duration d) {
        return d.toMillis() / 1000.0;
    }

    /** Keys belong to the token's subject, not to a login name an admin can rename and hand on. */
    private String caller() {
        String subject = callers.subject();
        // an identity provider may use a person's IIN as the subject: this table keeps only its pseudonym
        return Iin.isValid(subject) ? pseudonyms.pseudonym(Iin.of(subject)) : subject;
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
                .with("retryAfterSeconds", RETRY_AFTER_SECONDS)
                .withHeader(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
    }

    /** Final: the action was carried out once and is not run again; its result is to be looked up, not retried. */
    private static ProblemException outcomeUnknown(Instant committedAt) {
        return ProblemException.conflict("idempotency-key-outcome-unknown",
                "The request with this Idempotency-Key was carried out, but its response was lost or was an error;"
                        + " it is not run again: look its result up instead of retrying",
                Text.of("Сұраныс орындалды, бірақ оның жауабы жоғалды. Қайталамаңыз: нәтижесін тексеріңіз",
                        "Запрос выполнен, но ответ на него потерян. Не повторяйте его: проверьте результат"))
                .with("committedAt", committedAt.toString());
    }

    private static ProblemException takenOver() {
        return ProblemException.conflict("idempotency-key-taken-over",
                "This request ran longer than gfc.idempotency.takeover-after and a retry with the same"
                        + " Idempotency-Key took it over; its changes were rolled back, the retry's stand",
                Text.of("Сұраныс тым ұзақ орындалды және қайталанған сұраныс оны алмастырды; оның өзгерістері болдырылмады",
                        "Запрос выполнялся слишком долго, и его заменил повторный; его изменения отменены"));
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
