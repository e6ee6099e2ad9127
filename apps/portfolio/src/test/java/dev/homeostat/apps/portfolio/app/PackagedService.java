package dev.homeostat.apps.portfolio.app;

import java.nio.file.Path;
import java.util.Map;

import dev.homeostat.kafka.testing.EmbeddedKafkaBroker;
import dev.homeostat.kafka.testing.TopicSpec;

/** What the process-level tests share: a broker with the service's topics, and the packaged jar's settings. */
final class PackagedService {

    /** Every topic the service reads or writes. */
    static final String TOPICS = "fills:3,orders:3,quotes:3,portfolio-state:3:compact,fills-dlq:1,orders-dlq:1,quotes-dlq:1";

    private PackagedService() {
    }

    /** A fresh broker with {@link #TOPICS}; the caller closes it. */
    static EmbeddedKafkaBroker broker() {
        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(EmbeddedKafkaBroker.Options.defaults());
        TopicSpec.parseList(TOPICS).forEach(topic -> topic.createOn(broker));
        return broker;
    }

    /** System properties for a service process on that broker: a free HTTP port, no trace export. */
    static Map<String, String> config(EmbeddedKafkaBroker broker) {
        return Map.of("kafka.bootstrap.servers", broker.bootstrapServers(), "quarkus.http.port", "0",
                "quarkus.otel.sdk.disabled", "true");
    }

    /** The jar {@code package} builds. */
    static Path jar() {
        return Path.of("target/quarkus-app/quarkus-run.jar");
    }
}
