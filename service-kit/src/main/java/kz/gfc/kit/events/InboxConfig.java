package kz.gfc.kit.events;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How {@link EventInbox} waits out a failing database, and how long {@link InboxRetention} keeps what it remembers. */
@ConfigMapping(prefix = "gfc.inbox")
public interface InboxConfig {

    Retry retry();

    /**
     * How long an event id stays in {@code processed_event}. A redelivery older than this is
     * processed again, so it must exceed the retention of every topic the service consumes
     * (a group whose offsets expired re-reads a whole topic) and of its dead-letter topic.
     */
    @WithDefault("P30D")
    Duration keepProcessed();

    /** How long an {@code Idempotency-Key} and its response are kept: the replay window promised to callers. */
    @WithDefault("PT24H")
    Duration keepIdempotencyKeys();

    /** How often the retention job runs (read by its {@code @Scheduled}). */
    @WithDefault("PT1H")
    Duration pruneEvery();

    /** Rows deleted per statement: each chunk is its own short transaction, so pruning never holds locks for long. */
    @WithDefault("1000")
    int pruneChunk();

    interface Retry {

        /** Pause after the first transient failure; it doubles on each further one. */
        @WithDefault("PT0.5S")
        Duration initial();

        /** Longest pause between two attempts; the event is retried for as long as the failure lasts. */
        @WithDefault("PT30S")
        Duration maxDelay();
    }
}
