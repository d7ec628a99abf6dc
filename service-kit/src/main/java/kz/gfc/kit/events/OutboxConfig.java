package kz.gfc.kit.events;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "gfc.outbox")
public interface OutboxConfig {

    /** Topic of the service's own events (e.g. gfc.queue.v1). */
    @WithDefault("gfc.unnamed.v1")
    String topic();

    /** Whether this instance runs the relay; several instances may, only one publishes at a time. */
    @WithDefault("true")
    boolean relayEnabled();

    @WithDefault("200")
    int batchSize();

    /** How long the relay sleeps when it found nothing and nobody woke it. */
    @WithDefault("PT0.5S")
    Duration pollInterval();

    /** Longest pause after a failure (Kafka down); the pause doubles from poll-interval up to this. */
    @WithDefault("PT5S")
    Duration maxBackoff();

    /** How long one batch may wait for the broker's acknowledgements before it is retried. */
    @WithDefault("PT15S")
    Duration sendTimeout();

    /** Sent rows are deleted after this long; unsent rows are never deleted. */
    @WithDefault("P7D")
    Duration keepSent();
}
