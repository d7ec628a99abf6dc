package kz.gfc.queue;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;

/**
 * Replaces the service's clock in tests, so R3 and R12 cases pin "now" (a Saturday, a
 * holiday, 17:59) instead of waiting for it. Unpinned, it is the system clock.
 */
@Alternative
@Priority(1)
@Singleton
public class TestClock extends Clock {

    public static final ZoneId ALMATY = ZoneId.of("Asia/Almaty");

    private volatile Instant pinned;

    public void pin(Instant instant) {
        this.pinned = instant;
    }

    /** Pins a local time in Kazakhstan (UTC+5). */
    public void pinAlmaty(LocalDateTime local) {
        pin(local.atZone(ALMATY).toInstant());
    }

    public void advanceMinutes(long minutes) {
        pin(instant().plusSeconds(minutes * 60));
    }

    public void unpin() {
        this.pinned = null;
    }

    @Override
    public Instant instant() {
        Instant p = pinned;
        return p != null ? p : Instant.now();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.fixed(instant(), zone);
    }
}
