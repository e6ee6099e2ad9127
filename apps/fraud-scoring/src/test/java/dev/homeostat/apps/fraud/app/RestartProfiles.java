package dev.homeostat.apps.fraud.app;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.Map;

/**
 * Two profiles for the two runs of the restart test: different profile classes make Quarkus stop the
 * app after the first run and start a fresh one for the second, on the same broker and consumer group.
 * Quarkus' default class orderer runs test classes grouped by profile name, so FirstRun precedes SecondRun.
 * Threshold 0 turns every processed payment into an alert, so the alerts topic logs what was processed.
 */
final class RestartProfiles {

    static final String PAYMENTS = "restart-payments";
    static final String ALERTS = "restart-alerts";
    static final String GROUP = "fraud-scoring-restart";
    static final String TOPICS = PAYMENTS + ":3," + ALERTS + ":1";

    private RestartProfiles() {
    }

    private static Map<String, String> overrides() {
        return Map.of(
                "fraud.alert-threshold", "0",
                "mp.messaging.incoming.payments.topics", PAYMENTS,
                "mp.messaging.incoming.payments.group.id", GROUP,
                "mp.messaging.outgoing.alerts.topic", ALERTS,
                "mp.messaging.outgoing.generated-payments.topic", PAYMENTS);
    }

    /** The app before the restart. */
    public static final class FirstRun implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return overrides();
        }
    }

    /** The app after the restart. */
    public static final class SecondRun implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return overrides();
        }
    }
}
