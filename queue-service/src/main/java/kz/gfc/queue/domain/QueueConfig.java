package kz.gfc.queue.domain;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import kz.gfc.queue.domain.booking.Booking;

/** The queue's tunables: policy a branch network may change without a release. */
@ConfigMapping(prefix = "gfc.queue")
public interface QueueConfig {

    /** R12 starvation bound: after this many priority calls in a row at a window, an ordinary ticket is called. */
    @WithDefault("3")
    int starvationBound();

    /**
     * R12 aging: each such span a priority ticket waits adds the lightest ground's weight (10),
     * so no priority visitor waits without bound behind heavier newcomers.
     */
    @WithDefault("PT10M")
    java.time.Duration priorityAgingStep();

    /** R12: from this age (read from the IIN) an age ground is verified without a document. */
    @WithDefault("63")
    int elderlyFromAge();

    /**
     * The registry of persons with disabilities and social statuses (R12): a file of
     * {@code iin,ground} lines, or a classpath resource ({@code classpath:...}).
     */
    @WithDefault("classpath:registry/priority-registry.csv")
    String priorityRegistry();

    /** Walk-in and app tickets stop this long before closing (booked visits are not held to it). */
    @WithDefault("PT15M")
    java.time.Duration issueStopsBeforeClosing();

    /** Recalls an operator makes before a ticket may be marked a no-show (and the most they may make). */
    @WithDefault("2")
    int recallsBeforeNoShow();

    /** How long after a no-show the ticket may be reinstated at its old place. */
    @WithDefault("PT10M")
    Duration noShowReinstateWindow();

    /** How often a citizen may postpone their own ticket, so remote postponing cannot crowd out the hall. */
    @WithDefault("2")
    int maxPostpones();

    Booking booking();

    /** Waiting tickets one citizen's account may hold at once on a day, across branches and categories. */
    @WithDefault("3")
    int maxWaitingTicketsPerAccount();

    Wait waitEstimate();

    /**
     * The longest another instance keeps serving branches and categories from memory after an
     * admin change (the instance that made it re-reads at once); the queue mode and the
     * working calendar are never served from memory.
     */
    @WithDefault("PT2S")
    Duration referenceDataTtl();

    /** Base of the R12 video-call room reference shared by operator and citizen. */
    @WithDefault("https://video.gfc.kz/room/")
    String videoRoomBase();

    interface Booking {
        /** Length of a bookable slot. */
        @WithDefault("30")
        int slotMinutes();

        /** Visits bookable per slot, per category. */
        @WithDefault("2")
        int seatsPerSlot();

        /** Check-in opens this long before the slot (R12). */
        @WithDefault("PT15M")
        Duration checkInEarly();

        /** Check-in closes this long after the slot; later the citizen gets an ordinary ticket. */
        @WithDefault("PT10M")
        Duration checkInLate();

        /** At most one active booking per IIN and category within this span (one booking per 10 days). */
        @WithDefault("P10D")
        Duration limitSpan();

        /**
         * Active bookings one account may hold at once, whatever the IINs and categories: without
         * it one account could book every seat of a branch.
         */
        @WithDefault("3")
        int maxActivePerAccount();

        /** How far ahead slots may be booked. */
        @WithDefault("P30D")
        Duration horizon();
    }

    interface Wait {
        /** Served visits of the same category and hour of the week needed before history replaces the norm. */
        @WithDefault("20")
        int minSamples();

        /**
         * The weight of each new visit in the running figures (after the first ones, which are
         * averaged plainly): 0.05 follows roughly the last 40 visits of that hour of the week.
         */
        @WithDefault("0.05")
        double smoothing();
    }
}
