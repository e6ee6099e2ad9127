package dev.homeostat.apps.tradesignals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import dev.homeostat.apps.tradesignals.domain.CrossoverStrategy;
import dev.homeostat.apps.tradesignals.domain.Order;
import dev.homeostat.apps.tradesignals.domain.Quote;
import dev.homeostat.apps.tradesignals.domain.QuoteStreams;
import dev.homeostat.apps.tradesignals.domain.SymbolState;
import dev.homeostat.kafka.testing.KafkaTestClients;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/** Writes test quotes to the broker and predicts, with the pure strategy, the orders the app must emit. */
final class QuoteTraffic {

    /** The app's default strategy settings (TradeSignalsConfig). */
    static final CrossoverStrategy STRATEGY = new CrossoverStrategy(new CrossoverStrategy.Options(10, 50, 100, 0.0005));

    private final String bootstrapServers;

    QuoteTraffic(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    /** Sends the quotes keyed by symbol, in order, and returns where each landed. */
    List<SentQuote> send(List<Quote> quotes) {
        try (KafkaProducer<String, String> producer = KafkaTestClients.stringProducer(bootstrapServers)) {
            List<Future<RecordMetadata>> futures = new ArrayList<>();
            for (Quote quote : quotes) {
                futures.add(producer.send(new ProducerRecord<>("quotes", quote.symbol(), QuoteStreams.json(quote))));
            }
            List<SentQuote> sent = new ArrayList<>();
            for (int i = 0; i < quotes.size(); i++) {
                RecordMetadata metadata = futures.get(i).get();
                sent.add(new SentQuote(quotes.get(i), metadata.partition(), metadata.offset()));
            }
            return sent;
        } catch (InterruptedException | ExecutionException e) {
            throw new AssertionError("could not send quotes", e);
        }
    }

    /** Order ids the strategy emits for these quotes, each symbol starting from no state. */
    static Set<String> expectedOrderIds(List<SentQuote> sent) {
        Map<String, List<SentQuote>> bySymbol = sent.stream()
                .collect(Collectors.groupingBy(s -> s.quote().symbol()));
        Set<String> ids = new LinkedHashSet<>();
        for (List<SentQuote> quotes : bySymbol.values()) {
            SymbolState state = null;
            for (SentQuote quote : quotes.stream().sorted(Comparator.comparingLong(SentQuote::offset)).toList()) {
                CrossoverStrategy.Step step = STRATEGY.apply(state, quote.quote(), quote.partition(), quote.offset());
                state = step.state();
                Order order = step.order();
                if (order != null) {
                    ids.add(order.orderId());
                }
            }
        }
        return ids;
    }

    /** Every order id on the orders topic whose symbol starts with {@code prefix}, duplicates included. */
    List<String> orderIdsOnTopic(String prefix) {
        List<String> ids = new ArrayList<>();
        for (ConsumerRecord<String, String> record : KafkaTestClients.readAll(bootstrapServers, "orders", Duration.ofSeconds(30))) {
            if (record.key() != null && record.key().startsWith(prefix)) {
                ids.add(new String(record.headers().lastHeader("order-id").value()));
            }
        }
        return ids;
    }

    /** All records of a topic. */
    List<ConsumerRecord<String, String>> readAll(String topic) {
        return KafkaTestClients.readAll(bootstrapServers, topic, Duration.ofSeconds(30));
    }
}
