package kz.gfc.issuance.domain;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import kz.gfc.kit.notify.Notification;
import kz.gfc.kit.notify.Notifications;

/**
 * Tells applicants their result is ready. DocumentReady goes out with the move itself; the text
 * follows from here, because the phone lives in intake and intake may be away. A package whose
 * text failed is tried again later, with a doubling pause, and the failure is counted
 * ({@code gfc.issuance.ready.texts.failed}); the custody chain never waits for it.
 */
@ApplicationScoped
public class ReadyTexts {

    private static final Logger LOG = Logger.getLogger(ReadyTexts.class);
    public static final String KIND = "document-ready";
    /** How long a claimed text is left to the run that claimed it before another may try. */
    private static final Duration LEASE = Duration.ofMinutes(5);

    private final EntityManager em;
    private final Clock clock;
    private final ApplicantContacts contacts;
    private final Notifications notifications;
    private final IssuanceConfig config;
    private final Counter failed;
    private final Counter sent;

    ReadyTexts(EntityManager em, Clock clock, ApplicantContacts contacts, Notifications notifications,
            IssuanceConfig config, MeterRegistry metrics) {
        this.em = em;
        this.clock = clock;
        this.contacts = contacts;
        this.notifications = notifications;
        this.config = config;
        this.failed = metrics.counter("gfc.issuance.ready.texts", "result", "failed");
        this.sent = metrics.counter("gfc.issuance.ready.texts", "result", "sent");
    }

    private record Due(UUID id, UUID applicationId, String branchCode, int attempts) {
    }

    /** Sends the texts that are due, batch after batch; returns how many went out. */
    public int sendDue() {
        int total = 0;
        int[] batch;
        do {
            batch = sendBatch();
            total += batch[1];
        } while (batch[0] == config.readyTexts().batch());
        return total;
    }

    /** {claimed, sent}: a failed text is due again only later, so the next batch takes others. */
    private int[] sendBatch() {
        Instant now = clock.instant();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                UPDATE document_package SET ready_text_next_at = ?1
                WHERE id IN (SELECT id FROM document_package
                             WHERE ready_text = 'PENDING' AND ready_text_next_at <= ?2
                             ORDER BY ready_text_next_at LIMIT ?3 FOR UPDATE SKIP LOCKED)
                RETURNING id, application_id, branch_code, ready_text_attempts""")
                .setParameter(1, now.plus(LEASE))
                .setParameter(2, now)
                .setParameter(3, config.readyTexts().batch())
                .getResultList());
        int done = 0;
        for (Object[] r : rows) {
            Due due = new Due((UUID) r[0], (UUID) r[1], (String) r[2], ((Number) r[3]).intValue());
            if (send(due, now)) {
                done++;
            }
        }
        return new int[] {rows.size(), done};
    }

    private boolean send(Due due, Instant now) {
        ApplicantContacts.Contact contact;
        try {
            contact = contacts.contactOf(due.applicationId());
        } catch (RuntimeException e) {
            failed.increment();
            Duration pause = delay(due.attempts());
            LOG.warnf("the applicant of %s could not be looked up (%s); the ready text is retried in %s",
                    due.applicationId(), e.getClass().getSimpleName(), pause);
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                    UPDATE document_package SET ready_text_attempts = ready_text_attempts + 1, ready_text_next_at = ?1
                    WHERE id = ?2 AND ready_text = 'PENDING'""")
                    .setParameter(1, now.plus(pause)).setParameter(2, due.id()).executeUpdate());
            return false;
        }
        return QuarkusTransaction.requiringNew().call(() -> {
            int marked = em.createNativeQuery(
                    "UPDATE document_package SET ready_text = 'SENT' WHERE id = ?1 AND ready_text = 'PENDING'")
                    .setParameter(1, due.id()).executeUpdate();
            if (marked == 0 || contact == null || contact.phone() == null || contact.phone().isBlank()) {
                return false;
            }
            // leaves once this transaction commits: never twice for one package
            notifications.send(new Notification(contact.phone(), contact.language(), KIND,
                    text(contact.language(), due.branchCode())));
            sent.increment();
            return true;
        });
    }

    static String text(String language, String branch) {
        return "kk".equals(language)
                ? "ХҚКО: құжатыңыз дайын. Оны " + branch + " орталығынан жеке басыңызды куәландыратын құжатпен алыңыз."
                : "ЦОН: ваш документ готов. Получите его в центре " + branch + " при предъявлении удостоверения личности.";
    }

    private Duration delay(int attempts) {
        Duration d = config.readyTexts().firstDelay().multipliedBy(1L << Math.min(attempts, 20));
        return d.compareTo(config.readyTexts().maxDelay()) > 0 ? config.readyTexts().maxDelay() : d;
    }
}
