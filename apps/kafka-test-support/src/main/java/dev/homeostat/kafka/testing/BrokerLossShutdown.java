package dev.homeostat.kafka.testing;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The stop a pod sees when Kafka is gone: the app jar runs as a process against the broker, takes
 * some traffic, the broker stops, then the app gets SIGTERM. Reports how long the app took to exit.
 */
public final class BrokerLossShutdown {

    private BrokerLossShutdown() {
    }

    /**
     * The whole check for the app of the current module: a fresh broker with {@code topics}
     * ({@code name:partitions[:compact],…}), the packaged jar ({@code target/quarkus-app}) started with
     * {@code properties}, {@code traffic} sent once it logs {@code readyLine}, the broker stopped,
     * SIGTERM; fails unless the app exits within Kubernetes' grace period. Prints the time it took.
     */
    public static void assertExitsWithinGrace(String topics, Map<String, String> properties, String readyLine,
                                              Consumer<EmbeddedKafkaBroker> traffic) throws InterruptedException {
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(EmbeddedKafkaBroker.Options.defaults())) {
            TopicSpec.parseList(topics).forEach(topic -> topic.createOn(broker));
            Duration took = timeToExit(Path.of("target/quarkus-app/quarkus-run.jar"), broker, properties, readyLine,
                    () -> traffic.accept(broker), Path.of("target/shutdown-it.log"));
            if (took == null) {
                throw new AssertionError("still running " + AppProcess.KUBERNETES_GRACE.multipliedBy(2)
                        + " after SIGTERM; see target/shutdown-it.log");
            }
            System.out.println("exited " + took.toMillis() + " ms after SIGTERM with the broker down");
            if (took.compareTo(AppProcess.KUBERNETES_GRACE) >= 0) {
                throw new AssertionError("exit took " + took + ", beyond Kubernetes' grace of " + AppProcess.KUBERNETES_GRACE);
            }
        }
    }

    /**
     * Runs the scenario; {@code readyLine} is a log line the app prints once it consumes or produces,
     * {@code traffic} runs while the broker is up. Returns the time from SIGTERM to exit, or null if
     * the app was still running after twice Kubernetes' grace period. The app's log is {@code log}.
     */
    public static Duration timeToExit(Path jar, EmbeddedKafkaBroker broker, Map<String, String> properties,
                                      String readyLine, Runnable traffic, Path log) throws InterruptedException {
        Map<String, String> all = new HashMap<>(properties);
        all.put("kafka.bootstrap.servers", broker.bootstrapServers());
        all.put("quarkus.http.port", "0");
        all.put("quarkus.otel.sdk.disabled", "true");
        try (AppProcess app = AppProcess.start(jar, all, log)) {
            app.awaitLog(readyLine, Duration.ofSeconds(90));
            traffic.run();
            // Let the app hold work the broker has not acknowledged yet, then take the broker away.
            Thread.sleep(1000);
            broker.stop();
            Thread.sleep(3000);
            return app.terminate(AppProcess.KUBERNETES_GRACE.multipliedBy(2));
        }
    }
}
