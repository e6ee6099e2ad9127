package dev.homeostat.contract;

import dev.homeostat.kafka.testing.KafkaTestClients;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/** Input records in the formats docs/apps.md documents, shaped so that each app must produce output. */
final class Traffic {

    private Traffic() {
    }

    /**
     * Quotes of one symbol that stay flat (the warm-up), rise 10 %, fall 15 % and rise again: the first rise only
     * sets the trend, the fall flips it (SELL) and the second rise flips it back (BUY), so trade-signals emits two
     * orders.
     */
    static List<String> crossingQuotes(String symbol) {
        List<String> quotes = new ArrayList<>();
        Instant t = Instant.parse("2026-03-02T14:30:00Z");
        for (int i = 0; i < 400; i++) {
            double mid = i < 60 ? 100 : i < 160 ? 100 + (i - 60) * 0.1 : i < 260 ? 110 - (i - 160) * 0.15
                    : 95 + (i - 260) * 0.15;
            quotes.add(String.format(java.util.Locale.ROOT,
                    "{\"symbol\":\"%s\",\"bid\":%.4f,\"ask\":%.4f,\"size\":100,\"eventTime\":\"%s\"}",
                    symbol, mid - 0.01, mid + 0.01, t.plusMillis(100L * i)));
        }
        return quotes;
    }

    /** A burst of tiny payments of one account (card testing), which the rule scorer alerts on. */
    static List<String> cardTestingBurst(String account) {
        List<String> payments = new ArrayList<>();
        Instant t = Instant.parse("2026-03-02T10:00:00Z");
        for (int i = 0; i < 8; i++) {
            payments.add("{\"id\":\"p-" + account + "-" + i + "\",\"account\":\"" + account + "\",\"merchant\":\"m-web-1\","
                    + "\"merchantCategory\":\"web\",\"amount\":1.00,\"currency\":\"EUR\",\"country\":\"DE\","
                    + "\"channel\":\"online\",\"timestamp\":\"" + t.plusSeconds(i) + "\"}");
        }
        return payments;
    }

    /** One fill of {@code account}. */
    static String fill(String account) {
        return "{\"fillId\":\"f-" + account + "\",\"orderId\":\"o-" + account + "\",\"account\":\"" + account
                + "\",\"symbol\":\"AAPL\",\"side\":\"BUY\",\"quantity\":10,\"price\":100,\"fee\":1,"
                + "\"timestamp\":\"2026-03-02T14:30:00Z\"}";
    }

    /** Sends the values with {@code key}, in order, and waits until the broker has them all. */
    static void send(String bootstrapServers, String topic, String key, List<String> values) {
        try (KafkaProducer<String, String> producer = KafkaTestClients.stringProducer(bootstrapServers)) {
            var sent = new ArrayList<java.util.concurrent.Future<?>>();
            for (String value : values) {
                sent.add(producer.send(new ProducerRecord<>(topic, key, value)));
            }
            for (var future : sent) {
                future.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted sending to " + topic, e);
        } catch (ExecutionException e) {
            throw new AssertionError("could not send to " + topic, e.getCause());
        }
    }
}
