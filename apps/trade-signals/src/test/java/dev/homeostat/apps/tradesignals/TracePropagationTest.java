package dev.homeostat.apps.tradesignals;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.homeostat.apps.tradesignals.domain.Quote;
import dev.homeostat.apps.tradesignals.domain.QuoteStreams;
import dev.homeostat.kafka.testing.EmbeddedKafkaBroker;
import dev.homeostat.kafka.testing.KafkaBrokerTestResource;
import dev.homeostat.kafka.testing.KafkaTestClients;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;

/** With the OpenTelemetry SDK on, each order's {@code traceparent} continues the trace of the quote that triggered it. */
@QuarkusTest
@TestProfile(TracePropagationTest.TracingOn.class)
@QuarkusTestResource(KafkaBrokerTestResource.class)
class TracePropagationTest {

    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";

    /** SDK enabled; spans go to an OTLP endpoint nobody listens on (export failures are not this test's concern). */
    public static final class TracingOn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "quarkus.otel.sdk.disabled", "false",
                    "quarkus.otel.exporter.otlp.endpoint", "http://127.0.0.1:1",
                    "quarkus.log.category.\"io.opentelemetry\".level", "OFF");
        }
    }

    @Test
    void ordersCarryTheTraceOfTheirTriggeringQuote() throws Exception {
        // given: quotes of one trace, each from its own producer span
        String bootstrap = EmbeddedKafkaBroker.shared().bootstrapServers();
        List<Quote> quotes = QuoteStreams.wave("TRACE", 300, 40, 12);
        List<SentQuote> sent = new ArrayList<>();
        try (KafkaProducer<String, String> producer = KafkaTestClients.stringProducer(bootstrap)) {
            for (int i = 0; i < quotes.size(); i++) {
                ProducerRecord<String, String> record = new ProducerRecord<>("quotes", "TRACE", QuoteStreams.json(quotes.get(i)));
                record.headers().add("traceparent", traceparent(i).getBytes(StandardCharsets.UTF_8));
                RecordMetadata metadata = producer.send(record).get();
                sent.add(new SentQuote(quotes.get(i), metadata.partition(), metadata.offset()));
            }
        }
        Set<String> expected = QuoteTraffic.expectedOrderIds(sent);
        assertFalse(expected.isEmpty());
        // when
        await().atMost(Duration.ofSeconds(45)).until(() -> orders(bootstrap).size() >= expected.size());
        // then
        for (ConsumerRecord<String, String> order : orders(bootstrap)) {
            String[] traceparent = header(order, "traceparent").split("-");
            assertEquals(TRACE_ID, traceparent[1], "trace id of order " + header(order, "order-id"));
            long triggerOffset = Long.parseLong(header(order, "order-id").split(":")[2]);
            int triggerIndex = indexOf(sent, triggerOffset);
            assertNotEquals(traceparent(triggerIndex).split("-")[2], traceparent[2], "the order has its own producer span");
        }
    }

    private static List<ConsumerRecord<String, String>> orders(String bootstrap) {
        return KafkaTestClients.readAll(bootstrap, "orders", Duration.ofSeconds(30)).stream()
                .filter(r -> "TRACE".equals(r.key())).toList();
    }

    private static int indexOf(List<SentQuote> sent, long offset) {
        for (int i = 0; i < sent.size(); i++) {
            if (sent.get(i).offset() == offset) {
                return i;
            }
        }
        throw new AssertionError("no quote at offset " + offset);
    }

    private static String traceparent(int quote) {
        return "00-" + TRACE_ID + "-" + String.format("%016x", 0x1000L + quote) + "-01";
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        assertFalse(header == null, "missing header " + name);
        return new String(header.value(), StandardCharsets.UTF_8);
    }
}
