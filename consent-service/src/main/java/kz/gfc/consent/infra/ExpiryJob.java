package kz.gfc.consent.infra;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;
import kz.gfc.consent.domain.ConsentExpiry;

/**
 * Runs {@link ConsentExpiry} often, batch after batch, on every instance; the rows decide who
 * closes what. Then deletes requests never confirmed, once their retention has passed.
 */
@ApplicationScoped
public class ExpiryJob {

    private static final Logger LOG = Logger.getLogger(ExpiryJob.class);

    private final ConsentExpiry expiry;

    public ExpiryJob(ConsentExpiry expiry) {
        this.expiry = expiry;
    }

    @Scheduled(every = "${gfc.consent.expiry-every:1m}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void expireDue() {
        int total = 0;
        int n;
        do {
            n = expiry.expireDue();
            total += n;
        } while (n > 0 && total < 50_000);
        if (total > 0) {
            LOG.infof("expiry: %d consent(s) past their validity closed", total);
        }
        int purged = expiry.purgeUnconfirmedRequests();
        if (purged > 0) {
            LOG.infof("expiry: %d request(s) never confirmed deleted", purged);
        }
    }
}
