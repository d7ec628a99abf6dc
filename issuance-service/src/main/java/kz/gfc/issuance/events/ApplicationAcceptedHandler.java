package kz.gfc.issuance.events;

import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.common.annotation.Blocking;
import kz.gfc.issuance.domain.Delivery;
import kz.gfc.issuance.domain.PackageService;
import kz.gfc.issuance.domain.RetentionClass;
import kz.gfc.kit.events.EventHandler;
import kz.gfc.kit.events.EventInbox;
import kz.gfc.kit.events.IncomingEvent;
import kz.gfc.kit.events.UnprocessableEventException;

/**
 * Opens a package for each accepted application, once: the inbox drops a redelivered event,
 * and a second event for the same application (a replay with a new id) finds its package.
 */
@ApplicationScoped
public class ApplicationAcceptedHandler implements EventHandler {

    private static final Logger LOG = Logger.getLogger(ApplicationAcceptedHandler.class);
    private static final Pattern PSEUDONYM = Pattern.compile("p1:[0-9a-f]{64}");

    private final EventInbox inbox;
    private final PackageService packages;
    private final ObjectMapper json;

    ApplicationAcceptedHandler(EventInbox inbox, PackageService packages, ObjectMapper json) {
        this.inbox = inbox;
        this.packages = packages;
        this.json = json;
    }

    @Incoming("applications")
    @Blocking
    public void consume(ConsumerRecord<String, String> record) {
        inbox.accept(record);
    }

    @Override
    public Set<String> types() {
        return Set.of(ApplicationAccepted.TYPE);
    }

    @Override
    public void handle(IncomingEvent event) {
        ApplicationAccepted a = event.data(ApplicationAccepted.class, json);
        UUID applicationId;
        RetentionClass retention;
        Delivery delivery;
        try {
            applicationId = UUID.fromString(a.applicationId());
            retention = RetentionClass.valueOf(a.retentionClass());
            delivery = Delivery.valueOf(a.delivery());
        } catch (RuntimeException e) {
            throw new UnprocessableEventException("ApplicationAccepted " + event.id()
                    + " lacks a valid applicationId, retentionClass or delivery");
        }
        if (blank(a.serviceCode()) || blank(a.provider()) || blank(a.branchCode()) || blank(a.resultKind())
                || a.readyDate() == null || a.applicantPseudonym() == null
                || !PSEUDONYM.matcher(a.applicantPseudonym()).matches()) {
            throw new UnprocessableEventException("ApplicationAccepted " + event.id()
                    + " lacks serviceCode, provider, branchCode, resultKind, readyDate or a pseudonym");
        }
        packages.register(a, applicationId, retention, delivery).ifPresentOrElse(
                p -> LOG.infof("package %s opened for application %s", p.barcode, applicationId),
                () -> LOG.infof("application %s already has a package: event %s changes nothing", applicationId,
                        event.id()));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
