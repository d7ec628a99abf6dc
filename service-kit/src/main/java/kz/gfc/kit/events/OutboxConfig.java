package kz.gfc.kit.events;

import java.time.Duration;
import java.util.Map;

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

    /** Sent and discarded rows are deleted after this long; other unsent rows are never deleted. */
    @WithDefault("P7D")
    Duration keepSent();

    /**
     * After this many failures that are the row's own (the broker refuses this record: too
     * large, a topic that does not exist or that the service may not write to), the row is
     * parked: the relay leaves it, and the later rows of its key, until someone retries or
     * discards it. A broker that is down does not count.
     */
    @WithDefault("5")
    int parkAfter();

    /**
     * How many completed drafts ({@link Outbox#completeLater}) the relay keeps in memory for
     * its next pass. Beyond that (the broker away for long) a completion is written to the
     * outbox in a transaction of its own, as before: memory stays bounded whatever happens.
     */
    @WithDefault("20000")
    int maxPendingCompletions();

    /**
     * Kafka producer settings for the relay only, on top of the service's {@code kafka.*}
     * client configuration (e.g. {@code gfc.outbox.producer.compression.type=zstd}). What the
     * relay's guarantees rest on (acks, idempotence, serializers, timeouts) cannot be changed.
     */
    Map<String, String> producer();
}
