package kz.gfc.audit.events;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * The audit channel starts paused: a test produces its records first and resumes it, so they
 * reach the service together, in one poll, as a backlog would.
 */
public class PausedChannel implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("mp.messaging.incoming.audit-events.pausable", "true",
                "mp.messaging.incoming.audit-events.pausable.initially-paused", "true");
    }
}
