package kz.gfc.issuance;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;

/** Replaces the service's clock in tests, so R20 cases stand on 28 February instead of waiting for it. */
@Alternative
@Priority(1)
@Singleton
public class TestClock extends Clock {

    public static final ZoneOffset KZ = ZoneOffset.ofHours(5);

    private volatile Instant pinned;

    public void pin(Instant instant) {
        this.pinned = instant;
    }

    /** Pins a local time in Kazakhstan (UTC+5). */
    public void pinKz(String localDateTime) {
        pin(LocalDateTime.parse(localDateTime).toInstant(KZ));
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
