package kz.gfc.intake.infra;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.quarkus.scheduler.Scheduled;
import kz.gfc.intake.domain.application.Application;
import kz.gfc.intake.domain.application.ApplicationStatus;
import kz.gfc.intake.domain.application.Forwarding;

/**
 * R7/R8: asks consent-service again about applications still waiting for consent, oldest
 * first. A ConsentGranted normally moves them on at once; this catches the ones whose event
 * arrived while consent-service could not answer, or that were accepted during its outage.
 */
@ApplicationScoped
public class ConsentRecheckJob {

    private static final Logger LOG = Logger.getLogger(ConsentRecheckJob.class);
    private static final int BATCH = 50;

    private final Forwarding forwarding;

    public ConsentRecheckJob(Forwarding forwarding) {
        this.forwarding = forwarding;
    }

    @Scheduled(every = "${gfc.intake.consent.recheck-every:10m}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        recheck();
    }

    /** Returns how many waiting applications went to their providers. */
    public int recheck() {
        List<UUID> waiting = QuarkusTransaction.requiringNew().call(() -> Application
                .<Application>find("status", Sort.ascending("statusChangedAt"), ApplicationStatus.AWAITING_CONSENT)
                .page(Page.ofSize(BATCH)).list().stream().map(a -> a.id).toList());
        int forwarded = 0;
        for (UUID id : waiting) {
            boolean went = QuarkusTransaction.requiringNew().call(() -> {
                Application a = Application.findById(id);
                return a != null && a.status == ApplicationStatus.AWAITING_CONSENT && forwarding.retry(a);
            });
            if (went) {
                forwarded++;
            }
        }
        if (forwarded > 0) {
            LOG.infof("%d application(s) waiting for consent forwarded on a re-check", forwarded);
        }
        return forwarded;
    }
}
