package kz.gfc.intake.infra;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import io.quarkus.scheduler.Scheduled;
import kz.gfc.intake.domain.application.CalendarDay;
import kz.gfc.intake.domain.application.IntakeService;

/**
 * R25 counts working days over the same calendar the queue keeps (R3), so intake copies it
 * from queue-service rather than typing it again: at start and then daily, this year and
 * the next. A year queue answers for replaces intake's rows of that year; while queue is
 * unreachable the last copy (at first, the seed from a migration) stays in use.
 */
@ApplicationScoped
public class HolidayMirror {

    private static final Logger LOG = Logger.getLogger(HolidayMirror.class);
    private static final Set<String> KINDS = Set.of("HOLIDAY", "DAY_OFF", "WORKING_DAY");

    private final EntityManager em;
    private final Clock clock;
    private volatile QueueCalendarClient client;

    public HolidayMirror(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    @Scheduled(every = "${gfc.intake.holidays.sync-every:24h}", delayed = "${gfc.intake.holidays.first-sync-after:5s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        int year = LocalDate.ofInstant(clock.instant(), IntakeService.KAZAKHSTAN).getYear();
        sync(year);
        sync(year + 1);
    }

    /** Copies one year from queue; returns the number of days copied, or -1 when queue could not be read. */
    public int sync(int year) {
        List<QueueCalendarClient.Day> days;
        try {
            days = client().year(year);
        } catch (RuntimeException e) {
            LOG.warnf("queue-service's calendar for %d could not be read (%s): intake keeps its copy", year,
                    e.getClass().getSimpleName());
            return -1;
        }
        if (days == null || days.isEmpty()) {
            return 0;
        }
        List<QueueCalendarClient.Day> valid = days.stream()
                .filter(d -> d.day() != null && d.day().getYear() == year && KINDS.contains(d.kind()))
                .toList();
        Instant now = clock.instant();
        QuarkusTransaction.requiringNew().run(() -> {
            em.createQuery("delete from CalendarDay d where d.day >= ?1 and d.day < ?2")
                    .setParameter(1, LocalDate.of(year, 1, 1)).setParameter(2, LocalDate.of(year + 1, 1, 1)).executeUpdate();
            for (QueueCalendarClient.Day d : valid) {
                CalendarDay c = new CalendarDay();
                c.day = d.day();
                c.kind = CalendarDay.Kind.valueOf(d.kind());
                c.nameKk = d.nameKk() == null ? "" : d.nameKk();
                c.nameRu = d.nameRu() == null ? "" : d.nameRu();
                c.source = "QUEUE";
                c.syncedAt = now;
                em.persist(c);
            }
        });
        LOG.infof("working calendar %d copied from queue-service: %d days", year, valid.size());
        return valid.size();
    }

    private QueueCalendarClient client() {
        QueueCalendarClient c = client;
        if (c == null) {
            String url = ConfigProvider.getConfig().getValue("gfc.intake.queue.url", String.class);
            c = QuarkusRestClientBuilder.newBuilder().baseUri(URI.create(url))
                    .connectTimeout(3, TimeUnit.SECONDS).readTimeout(5, TimeUnit.SECONDS)
                    .build(QueueCalendarClient.class);
            client = c;
        }
        return c;
    }
}
