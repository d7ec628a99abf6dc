package kz.gfc.kit.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock a test sets: pinned to a moment (a Saturday, a holiday, a minute before closing, the
 * last day of a retention period) instead of waiting for it; unpinned, the system clock. Each
 * service's tests put it in place of the service's {@link Clock} bean with a one-line CDI
 * alternative ({@code @Alternative @Priority(1) @Singleton class TestClock extends SettableClock}).
 */
public class SettableClock extends Clock {

    /** Kazakhstan is one zone, UTC+5, since 1 March 2024. */
    public static final ZoneId ALMATY = ZoneId.of("Asia/Almaty");
    public static final ZoneOffset KZ = ZoneOffset.ofHours(5);

    private volatile Instant pinned;

    public void pin(Instant instant) {
        this.pinned = instant;
    }

    /** Pins a local time in Kazakhstan. */
    public void pinAlmaty(LocalDateTime local) {
        pin(local.atZone(ALMATY).toInstant());
    }

    /** Pins a local time in Kazakhstan, given as {@code 2026-01-31T10:00}. */
    public void pinKz(String localDateTime) {
        pin(LocalDateTime.parse(localDateTime).toInstant(KZ));
    }

    public void advance(Duration by) {
        pin(instant().plus(by));
    }

    public void advanceMinutes(long minutes) {
        advance(Duration.ofMinutes(minutes));
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
