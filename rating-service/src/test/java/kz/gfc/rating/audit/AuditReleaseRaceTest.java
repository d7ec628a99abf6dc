package kz.gfc.rating.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import kz.gfc.kit.audit.AuditRecorded;
import kz.gfc.kit.events.CloudEventHeaders;
import kz.gfc.kit.events.Outbox;
import kz.gfc.kit.events.OutboxRelay;
import kz.gfc.kit.testing.KafkaProbe;
import kz.gfc.kit.testing.RealInfrastructure;

/**
 * R21: an audit draft whose hold ran out may be in the relay's hands at the very moment its
 * response arrives. Completing it must then neither lose the completed line (the relay sending
 * the draft it read, then stamping the row as sent after the completion was written into it)
 * nor send the completed line twice.
 *
 * <p>The relay's read, send and stamp are done here step by step, with the same SQL as
 * {@link OutboxRelay} (real relay paused), so the completion can be made to land between them.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class AuditReleaseRaceTest {

    private static final String RELAY_READ = """
            SELECT seq, id, msg_key, type, source, payload FROM outbox
            WHERE id = ? AND sent_at IS NULL AND (held_until IS NULL OR held_until <= now())""";

    @Inject
    Outbox outbox;

    @Inject
    OutboxRelay relay;

    @Inject
    AgroalDataSource dataSource;

    @AfterEach
    void resumeRelay() {
        relay.pause(false);
    }

    @Test
    void R21_aDraftTheRelayReadWithoutALockIsNotRewrittenUnderIt() throws Exception {
        String marker = "race-unlocked-" + UUID.randomUUID();
        UUID draft = expiredDraftWithRelayPaused(marker);
        Outbox.Release released;
        try (Connection relayTx = dataSource.getConnection()) {
            relayTx.setAutoCommit(false);
            Sent sent = readAndSend(relayTx, draft, RELAY_READ); // the relay as it reads today: no row lock
            released = release(draft, marker);
            stamp(relayTx, sent.seq());
            relayTx.commit();
        }
        relay.pause(false);

        // the release could not know the relay had read the draft; what matters is the completion goes out, once
        assertThat(released).isIn(Outbox.Release.RELEASED, Outbox.Release.ALREADY_SENT);
        assertDraftAndCompletionEachOnce(marker);
    }

    @Test
    void R21_aDraftTheRelayHoldsLockedIsLeftToItAndTheCompletionFollows() throws Exception {
        String marker = "race-locked-" + UUID.randomUUID();
        UUID draft = expiredDraftWithRelayPaused(marker);
        Outbox.Release released;
        try (Connection relayTx = dataSource.getConnection()) {
            relayTx.setAutoCommit(false);
            Sent sent = readAndSend(relayTx, draft, RELAY_READ + " FOR UPDATE SKIP LOCKED"); // a relay that locks what it sends
            // the response thread does not wait for the relay's batch
            released = CompletableFuture.supplyAsync(() -> release(draft, marker)).get(10, TimeUnit.SECONDS);
            stamp(relayTx, sent.seq());
            relayTx.commit();
        }
        relay.pause(false);

        assertThat(released).isEqualTo(Outbox.Release.ALREADY_SENT);
        assertDraftAndCompletionEachOnce(marker);
    }

    @Test
    void R21_aDraftTheRelayAlreadySentIsFollowedByItsCompletion() throws Exception {
        String marker = "race-sent-" + UUID.randomUUID();
        UUID draft = QuarkusTransaction.requiringNew().call(
                () -> outbox.publishHeld(KafkaProbe.auditTopic(), line(marker, "COMMITTED", 0), Duration.ofMillis(1)));
        Instant deadline = Instant.now().plusSeconds(30);
        while (!sent(draft) && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
        }
        assertThat(sent(draft)).as("the relay sent the draft once its hold ran out").isTrue();

        assertThat(release(draft, marker)).isEqualTo(Outbox.Release.ALREADY_SENT);
        assertDraftAndCompletionEachOnce(marker);
    }

    private UUID expiredDraftWithRelayPaused(String marker) throws InterruptedException {
        relay.pause(true);
        Thread.sleep(1_000); // a batch the relay had under way is finished
        UUID draft = QuarkusTransaction.requiringNew().call(
                () -> outbox.publishHeld(KafkaProbe.auditTopic(), line(marker, "COMMITTED", 0), Duration.ofMillis(1)));
        Thread.sleep(50); // its hold has run out
        return draft;
    }

    private Outbox.Release release(UUID draft, String marker) {
        return QuarkusTransaction.requiringNew().call(() -> outbox.release(draft, line(marker, "SUCCEEDED", 201)));
    }

    private record Sent(long seq) {
    }

    /** The relay's read of the draft, and its send of what it read. */
    private static Sent readAndSend(Connection relayTx, UUID draft, String sql) throws Exception {
        try (PreparedStatement ps = relayTx.prepareStatement(sql)) {
            ps.setObject(1, draft);
            try (ResultSet r = ps.executeQuery()) {
                assertThat(r.next()).as("the relay takes the draft whose hold ran out").isTrue();
                KafkaProbe.send(KafkaProbe.auditTopic(), r.getString(3), Map.of(CloudEventHeaders.ID, r.getString(2),
                        CloudEventHeaders.TYPE, r.getString(4), CloudEventHeaders.SOURCE, r.getString(5)), r.getString(6));
                return new Sent(r.getLong(1));
            }
        }
    }

    /** The relay's stamp, as OutboxRelay writes it: by the seq it read. */
    private static void stamp(Connection relayTx, long seq) throws Exception {
        try (PreparedStatement ps = relayTx.prepareStatement(
                "UPDATE outbox SET sent_at = now(), attempts = attempts + 1 WHERE seq = ANY (?)")) {
            ps.setArray(1, relayTx.createArrayOf("bigint", new Object[] {seq}));
            ps.executeUpdate();
        }
    }

    private boolean sent(UUID id) throws Exception {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT sent_at IS NOT NULL FROM outbox WHERE id = ?")) {
            ps.setObject(1, id);
            try (ResultSet r = ps.executeQuery()) {
                return r.next() && r.getBoolean(1);
            }
        }
    }

    private static void assertDraftAndCompletionEachOnce(String marker) {
        List<ConsumerRecord<String, String>> lines = KafkaProbe.read(KafkaProbe.auditTopic(),
                r -> r.value().contains(marker), 2, Duration.ofSeconds(30));
        assertThat(lines).extracting(ConsumerRecord::value)
                .filteredOn(v -> v.contains("\"outcome\":\"SUCCEEDED\"")).as("the completed line, exactly once").hasSize(1);
        assertThat(lines).extracting(ConsumerRecord::value)
                .filteredOn(v -> v.contains("\"outcome\":\"COMMITTED\"")).as("the draft the relay sent, once").hasSize(1);
    }

    private static AuditRecorded line(String marker, String outcome, int status) {
        return new AuditRecorded(marker, "rating-service", marker, List.of("citizen"), "RatingResource.rate", "POST",
                "/api/v1/ratings", "ratings", null, outcome, status, Instant.now(), "corr-" + marker, null);
    }
}
