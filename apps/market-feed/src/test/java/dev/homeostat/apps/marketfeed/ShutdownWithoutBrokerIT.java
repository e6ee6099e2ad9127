package dev.homeostat.apps.marketfeed;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import dev.homeostat.kafka.testing.AppProcess;
import dev.homeostat.kafka.testing.BrokerLossShutdown;
import dev.homeostat.kafka.testing.EmbeddedKafkaBroker;
import dev.homeostat.kafka.testing.TopicSpec;
import org.junit.jupiter.api.Test;

/** The packaged app, run as a process, exits within Kubernetes' 30 s grace after SIGTERM while the broker is down. */
class ShutdownWithoutBrokerIT {

    @Test
    void exitsWithinTheGracePeriodAfterSigtermWithTheBrokerGone() throws Exception {
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(EmbeddedKafkaBroker.Options.defaults())) {
            TopicSpec.parseList("quotes:3").forEach(topic -> topic.createOn(broker));
            // when
            Duration took = BrokerLossShutdown.timeToExit(Path.of("target/quarkus-app/quarkus-run.jar"), broker,
                    Map.of("market-feed.profile.rate", "2000"), "load profile now", () -> {
                        // the feed publishes by itself at 2000 quotes/s
                    }, Path.of("target/shutdown-it.log"));
            // then
            assertNotNull(took, "still running " + AppProcess.KUBERNETES_GRACE.multipliedBy(2) + " after SIGTERM");
            System.out.println("exited " + took.toMillis() + " ms after SIGTERM with the broker down");
            assertTrue(took.compareTo(AppProcess.KUBERNETES_GRACE) < 0, "exit took " + took);
        }
    }

}
