package kz.gfc.intake;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;

/** Replaces intake's clock in tests, so R25 cases pin "now" (the Friday before Nauryz). Unpinned, it is the system clock. */
@Alternative
@Priority(1)
@Singleton
public class TestClock extends Clock {

    public static final ZoneId ALMATY = ZoneId.of("Asia/Almaty");

    private volatile Instant pinned;

    public void pinAlmaty(LocalDateTime local) {
        pinned = local.atZone(ALMATY).toInstant();
    }

    public void unpin() {
        pinned = null;
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
