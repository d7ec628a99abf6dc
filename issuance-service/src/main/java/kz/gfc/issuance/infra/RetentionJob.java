package kz.gfc.issuance.infra;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;
import kz.gfc.issuance.domain.UnclaimedReturns;

/** Runs the R20 returns on the cron in {@code gfc.retention.cron}, Kazakhstan time; safe on several instances at once. */
@ApplicationScoped
public class RetentionJob {

    private static final Logger LOG = Logger.getLogger(RetentionJob.class);

    private final UnclaimedReturns returns;

    RetentionJob(UnclaimedReturns returns) {
        this.returns = returns;
    }

    @Scheduled(cron = "${gfc.retention.cron}", timeZone = "+05:00", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        int n = returns.returnDue();
        if (n > 0) {
            LOG.infof("retention: %d unclaimed package(s) returned to their providers", n);
        }
    }
}
