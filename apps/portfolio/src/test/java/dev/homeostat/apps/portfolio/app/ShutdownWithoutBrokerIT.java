package dev.homeostat.apps.portfolio.app;

import java.util.Map;

import dev.homeostat.kafka.testing.BrokerLossShutdown;
import dev.homeostat.kafka.testing.KafkaTestClients;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.Test;

/** The packaged service, run as a process, exits within Kubernetes' 30 s grace after SIGTERM while the broker is down. */
class ShutdownWithoutBrokerIT {

    @Test
    void exitsWithinTheGracePeriodAfterSigtermWithTheBrokerGone() throws Exception {
        BrokerLossShutdown.assertExitsWithinGrace(
                "fills:3,orders:3,quotes:3,portfolio-state:3:compact,fills-dlq:1,orders-dlq:1,quotes-dlq:1",
                Map.of(), "restored", broker -> {
                    try (KafkaProducer<String, String> producer = KafkaTestClients.stringProducer(broker.bootstrapServers())) {
                        TestFills.stream(3, 20, 5_000).forEach(fill -> TestFills.send(producer, "fills", fill));
                    }
                });
    }
}
