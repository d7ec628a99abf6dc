package kz.gfc.queue.infra;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import kz.gfc.queue.domain.window.BoardCall;

/**
 * Feeds the branches' display boards, whichever instance of the service a board is
 * connected to and whichever instance made the call.
 *
 * <p>A call is sent with PostgreSQL's {@code NOTIFY} inside the calling transaction, so it is
 * delivered only if that transaction commits (a board never shows a call that was rolled
 * back), and to every instance listening on the database. Not through Kafka: the board shows
 * the operator's name, and personal data stays inside the service.
 */
@ApplicationScoped
public class DisplayBoard {

    static final String CHANNEL = "gfc_queue_board";
    private static final Logger LOG = Logger.getLogger(DisplayBoard.class);

    private final EntityManager em;
    private final AgroalDataSource dataSource;
    private final ObjectMapper json;
    private final BroadcastProcessor<BoardCall> calls = BroadcastProcessor.create();
    private volatile boolean running;
    private volatile Thread listener;

    public DisplayBoard(EntityManager em, AgroalDataSource dataSource, ObjectMapper json) {
        this.em = em;
        this.dataSource = dataSource;
        this.json = json;
    }

    /** In the caller's transaction. */
    void onCall(@Observes BoardCall call) {
        String payload;
        try {
            payload = json.writeValueAsString(call);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("board call not serialisable", e);
        }
        em.createNativeQuery("SELECT 1 FROM (SELECT pg_notify(?1, ?2)) AS sent")
                .setParameter(1, CHANNEL).setParameter(2, payload).getSingleResult();
        em.createNativeQuery("INSERT INTO board_call (branch_code, payload, called_at) VALUES (?1, ?2, ?3)")
                .setParameter(1, call.branchCode()).setParameter(2, payload).setParameter(3, call.calledAt())
                .executeUpdate();
    }

    /**
     * The branch's last calls of the past {@code within}, oldest first, for a screen that just
     * connected: a board switched on mid-morning shows who is being served, not a blank.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<BoardCall> recent(String branchCode, int limit, Instant since) {
        @SuppressWarnings("unchecked")
        List<String> payloads = em.createNativeQuery("SELECT payload FROM board_call WHERE branch_code = ?1"
                + " AND called_at >= ?2 ORDER BY id DESC LIMIT ?3")
                .setParameter(1, branchCode).setParameter(2, since).setParameter(3, limit).getResultList();
        List<BoardCall> out = new ArrayList<>();
        for (int i = payloads.size() - 1; i >= 0; i--) {
            try {
                out.add(json.readValue(payloads.get(i), BoardCall.class).replayed());
            } catch (JsonProcessingException e) {
                LOG.warnf("display board skipped a stored call it cannot read: %s", e.getOriginalMessage());
            }
        }
        return out;
    }

    /** Yesterday's calls are of no use to a board: the day-close job clears them. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int forgetBefore(Instant before) {
        return em.createNativeQuery("DELETE FROM board_call WHERE called_at < ?1").setParameter(1, before).executeUpdate();
    }

    /** The calls of one branch from now on. */
    public Multi<BoardCall> calls(String branchCode) {
        return calls.filter(c -> branchCode.equals(c.branchCode()));
    }

    void start(@Observes StartupEvent event) {
        running = true;
        Thread t = new Thread(this::listen, "display-board-listener");
        t.setDaemon(true);
        listener = t;
        t.start();
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        Thread t = listener;
        if (t != null) {
            try {
                t.join(2_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** One long-lived connection that LISTENs; if the database goes away it reconnects. */
    private void listen() {
        while (running) {
            try (Connection c = dataSource.getConnection()) {
                try (Statement s = c.createStatement()) {
                    s.execute("LISTEN " + CHANNEL);
                }
                PGConnection pg = c.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] received = pg.getNotifications(500);
                    if (received != null) {
                        for (PGNotification n : received) {
                            deliver(n.getParameter());
                        }
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (running) {
                    LOG.warnf("display board lost its database listener, reconnecting: %s", e.getMessage());
                    try {
                        Thread.sleep(1_000);
                    } catch (InterruptedException ie) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }
        }
    }

    private void deliver(String payload) {
        try {
            BoardCall call = json.readValue(payload, BoardCall.class);
            synchronized (calls) { // a processor's signals must not overlap
                calls.onNext(call);
            }
        } catch (JsonProcessingException e) {
            LOG.warnf("display board ignored a malformed notification: %s", e.getOriginalMessage());
        }
    }
}
