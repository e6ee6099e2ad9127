package dev.homeostat.apps.marketfeed;

import java.util.Map;

import dev.homeostat.kafka.testing.BrokerLossShutdown;
import org.junit.jupiter.api.Test;

/** The packaged app, run as a process, exits within Kubernetes' 30 s grace after SIGTERM while the broker is down. */
class ShutdownWithoutBrokerIT {

    @Test
    void exitsWithinTheGracePeriodAfterSigtermWithTheBrokerGone() throws Exception {
        // the feed publishes by itself at 2000 quotes/s: the broker goes away with quotes unacknowledged
        BrokerLossShutdown.assertExitsWithinGrace("quotes:3", Map.of("market-feed.profile.rate", "2000"),
                "load profile now", broker -> { });
    }
}
