package kz.gfc.kit.web;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.MDC;

import io.smallrye.common.net.Inet;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Gives every request a correlation id (the caller's {@code X-Correlation-Id} when it is
 * sane, else a new one), echoes it in the response and puts it in the log context, so a
 * problem report, an audit record and a log line can be joined at 3 a.m.
 */
@ApplicationScoped
public class CorrelationIds {

    public static final String HEADER = "X-Correlation-Id";
    static final String KEY = "gfc.correlation-id";
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    /** Every log line carries the id, and a run of twelve digits may be an IIN (R23). */
    private static final Pattern TWELVE_DIGITS = Pattern.compile("\\d{12}");
    /** The longest textual IPv6 address (an IPv4-mapped one in full form). */
    public static final int MAX_ADDRESS = 45;
    /** Room for an IPv6 zone, which is dropped; anything longer is not an address. */
    private static final int MAX_ADDRESS_INPUT = 100;

    void install(@Observes Router router) {
        router.route().order(-10_000).handler(ctx -> {
            String given = ctx.request().getHeader(HEADER);
            String id = given != null && SANE.matcher(given).matches() && !TWELVE_DIGITS.matcher(given).find()
                    ? given : newId();
            ctx.put(KEY, id);
            MDC.put("correlationId", id);
            ctx.response().putHeader(HEADER, id);
            ctx.addEndHandler(v -> MDC.remove("correlationId"));
            ctx.next();
        });
    }

    /**
     * A random UUID without a run of twelve decimal digits: the last group of a UUID is all
     * digits about once in 300 ids, and a tenth of those would read as a valid IIN in every log
     * line of the request. Redrawing keeps the UUID's form and randomness otherwise.
     */
    static String newId() {
        while (true) {
            String id = UUID.randomUUID().toString();
            if (!TWELVE_DIGITS.matcher(id).find()) {
                return id;
            }
        }
    }

    public static String of(RoutingContext ctx) {
        if (ctx == null) {
            return null;
        }
        Object id = ctx.get(KEY);
        return id == null ? null : id.toString();
    }

    /**
     * The client's address, as Quarkus resolved it (the {@code quarkus.http.proxy.*} settings):
     * the socket peer, or the X-Forwarded-For that a trusted proxy (our gateway, which overwrites
     * it with the peer it saw) sent. Whatever the source, only an IP literal is kept, else null,
     * so no header can put anything else in the audit log.
     */
    public static String clientAddress(RoutingContext ctx) {
        if (ctx == null) {
            return null;
        }
        // null when the forwarded value is not an IP literal (Vert.x parses it, never resolves it)
        SocketAddress peer = ctx.request().remoteAddress();
        return peer == null ? null : ipLiteral(peer.hostAddress());
    }

    /**
     * {@code value} in canonical form if it is an IPv4 or IPv6 literal (at most 45 characters,
     * an IPv6 zone dropped), else null. Parses only: never looks a name up in DNS.
     */
    public static String ipLiteral(String value) {
        if (value == null || value.isEmpty() || value.length() > MAX_ADDRESS_INPUT) {
            return null;
        }
        int zone = value.indexOf('%');
        byte[] parsed = Inet.parseInetAddressToBytes(zone < 0 ? value : value.substring(0, zone));
        if (parsed == null) {
            return null;
        }
        try {
            // an IPv4-mapped IPv6 address comes back as the IPv4 one: one client, one spelling
            String canonical = Inet.toOptimalString(InetAddress.getByAddress(parsed));
            return canonical.length() <= MAX_ADDRESS ? canonical : null;
        } catch (UnknownHostException e) {
            return null; // not 4 or 16 bytes; parsing never gives that
        }
    }
}
