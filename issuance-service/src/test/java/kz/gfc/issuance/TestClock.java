package kz.gfc.issuance;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;

import kz.gfc.kit.testing.SettableClock;

/** Replaces the service's clock in tests, so R20 cases stand on 28 February instead of waiting for it. */
@Alternative
@Priority(1)
@Singleton
public class TestClock extends SettableClock {
}
