package kz.gfc.kit.notify;

import java.nio.file.Path;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The one notification port of every service. A text asked for inside a transaction leaves
 * only once that transaction has committed, so a rolled-back action never texts anybody (a
 * one-time code for a request that was never stored would be a lie). Outside a transaction
 * it leaves at once.
 *
 * <p>Delivery is at most once: a crash between the commit and the send loses the text. For
 * the texts GfC sends that is the right side to err on — a code can be asked for again and a
 * "ready" text is repeated by the desk list — rather than texting a person twice.
 *
 * <p>Logs name the kind and the masked number, never the text: it may hold a one-time code.
 */
@ApplicationScoped
public class Notifications {

    private static final Logger LOG = Logger.getLogger(Notifications.class);

    private final TransactionSynchronizationRegistry registry;
    private final NotificationChannel channel;

    Notifications(TransactionSynchronizationRegistry registry,
            @ConfigProperty(name = "gfc.notify.sink-file") Path sinkFile) {
        this.registry = registry;
        this.channel = new FileNotificationSink(sinkFile);
    }

    public void send(Notification notification) {
        if (registry.getTransactionKey() == null) {
            deliver(notification);
            return;
        }
        registry.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    deliver(notification);
                }
            }
        });
    }

    private void deliver(Notification notification) {
        try {
            channel.deliver(notification);
            LOG.infof("sent a %s text to %s", notification.kind(), notification.maskedPhone());
        } catch (Exception e) {
            LOG.warnf("could not send a %s text to %s: %s", notification.kind(), notification.maskedPhone(),
                    e.getClass().getSimpleName());
        }
    }
}
