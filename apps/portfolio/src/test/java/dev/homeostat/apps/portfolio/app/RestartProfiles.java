package dev.homeostat.apps.portfolio.app;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.Map;

/**
 * Two profiles for the two runs of the restart test: different profile classes make Quarkus stop the
 * app after the first run and start a fresh one for the second, on the same broker, consumer group and
 * state topic. Quarkus' default class orderer runs test classes grouped by profile name, so FirstRun
 * precedes SecondRun.
 */
final class RestartProfiles {

    static final String FILLS = "restart-fills";
    static final String STATE = "restart-portfolio-state";
    static final String GROUP = "portfolio-restart";
    static final String TOPICS = FILLS + ":3," + STATE + ":3:compact";

    private RestartProfiles() {
    }

    private static Map<String, String> overrides() {
        return Map.of(
                "mp.messaging.incoming.fills.topic", FILLS,
                "mp.messaging.incoming.fills.group.id", GROUP,
                "mp.messaging.outgoing.portfolio-state.topic", STATE,
                "portfolio.state.topic", STATE);
    }

    /** The service before the restart. */
    public static final class FirstRun implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return overrides();
        }
    }

    /** The service after the restart. */
    public static final class SecondRun implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return overrides();
        }
    }
}
