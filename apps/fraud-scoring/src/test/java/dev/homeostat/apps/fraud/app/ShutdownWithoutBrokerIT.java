package dev.homeostat.apps.fraud.app;

import java.time.Instant;
import java.util.Map;

import dev.homeostat.apps.fraud.domain.PaymentJson;
import dev.homeostat.apps.fraud.generator.PaymentGenerator;
import dev.homeostat.kafka.testing.BrokerLossShutdown;
import dev.homeostat.kafka.testing.KafkaTestClients;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/** The packaged app, run as a process, exits within Kubernetes' 30 s grace after SIGTERM while the broker is down. */
class ShutdownWithoutBrokerIT {

    @Test
    void exitsWithinTheGracePeriodAfterSigtermWithTheBrokerGone() throws Exception {
        BrokerLossShutdown.assertExitsWithinGrace("payments:3,alerts:3,payments-dlq:1",
                Map.of("fraud.training.interval", "PT1H"), "Profile prod activated", broker -> {
                    try (KafkaProducer<String, String> producer = KafkaTestClients.stringProducer(broker.bootstrapServers())) {
                        new PaymentGenerator(PaymentGenerator.Options.defaults(3, Instant.now())).next(5_000).forEach(g ->
                                producer.send(new ProducerRecord<>("payments", g.payment().account(), PaymentJson.write(g.payment()))));
                    }
                });
    }
}
