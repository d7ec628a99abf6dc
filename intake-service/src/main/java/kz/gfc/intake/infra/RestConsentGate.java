package kz.gfc.intake.infra;

import java.net.URI;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ClientErrorException;

import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;

import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import kz.gfc.intake.domain.application.ConsentGate;
import kz.gfc.kit.iin.Iin;

/**
 * The consent check over REST (R7/R8), guarded so that consent-service being slow or away
 * never stalls a window: a short timeout, two retries, and a circuit breaker that answers at
 * once while it is open. Whatever fails becomes {@link ConsentGate.ConsentUnavailable}, and
 * the application waits for consent instead of being forwarded without it. The IIN travels
 * in the body, never in a URL.
 */
@ApplicationScoped
public class RestConsentGate implements ConsentGate {

    private volatile ConsentClient client;

    @Override
    public Answer check(Iin subject, String recipient, String scope, String purpose) {
        try {
            ConsentClient.CheckResponse r = guardedCheck(new ConsentClient.CheckRequest(subject.value(), recipient, scope, purpose));
            return new Answer(r != null && r.allowed(), r == null ? null : r.consentId());
        } catch (RuntimeException e) {
            throw new ConsentUnavailable(e.getClass().getSimpleName(), e);
        }
    }

    @Timeout(value = 2, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 200, abortOn = ClientErrorException.class)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.6, delay = 15, delayUnit = ChronoUnit.SECONDS,
            skipOn = ClientErrorException.class)
    ConsentClient.CheckResponse guardedCheck(ConsentClient.CheckRequest request) {
        return client().check(request);
    }

    /** Built on first use, so a test can point it at its own port once the server has one. */
    private ConsentClient client() {
        ConsentClient c = client;
        if (c == null) {
            String url = ConfigProvider.getConfig().getValue("gfc.intake.consent.url", String.class);
            c = QuarkusRestClientBuilder.newBuilder().baseUri(URI.create(url))
                    .connectTimeout(2, TimeUnit.SECONDS).readTimeout(2, TimeUnit.SECONDS)
                    .build(ConsentClient.class);
            client = c;
        }
        return c;
    }
}
