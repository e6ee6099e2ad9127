package dev.homeostat.apps.portfolio.app;

import dev.homeostat.apps.portfolio.domain.AccountBook;
import dev.homeostat.apps.portfolio.domain.Fill;
import dev.homeostat.apps.portfolio.domain.PortfolioJson;
import dev.homeostat.apps.portfolio.domain.Side;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/** A seeded stream of fills over a few accounts, and the books they must produce. */
final class TestFills {

    private static final String[] SYMBOLS = {"AAPL", "MSFT", "NVDA"};

    private TestFills() {
    }

    /** {@code count} fills over {@code accounts} accounts, the same for the same seed. */
    static List<Fill> stream(long seed, int accounts, int count) {
        Random random = new Random(seed);
        List<Fill> fills = new ArrayList<>(count);
        Instant start = Instant.parse("2026-03-02T14:30:00Z");
        for (int i = 0; i < count; i++) {
            fills.add(new Fill("f-" + seed + "-" + i, "o-" + i, "acc-" + random.nextInt(accounts),
                    SYMBOLS[random.nextInt(SYMBOLS.length)], random.nextBoolean() ? Side.BUY : Side.SELL,
                    BigDecimal.valueOf(1 + random.nextInt(50)), BigDecimal.valueOf(9000 + random.nextInt(2000), 2),
                    new BigDecimal("0.50"), start.plusSeconds(i)));
        }
        return fills;
    }

    /** The books the fills must produce when each is applied exactly once, in order per account. */
    static Map<String, AccountBook> expectedBooks(List<Fill> fills) {
        Map<String, AccountBook> books = new TreeMap<>();
        for (int i = 0; i < fills.size(); i++) {
            Fill fill = fills.get(i);
            AccountBook book = books.getOrDefault(fill.account(), AccountBook.empty(fill.account()));
            books.put(fill.account(), book.apply(fill, "expected", i).orElseThrow());
        }
        return books;
    }

    /** Sends one fill keyed by its account. */
    static void send(KafkaProducer<String, String> producer, String topic, Fill fill) {
        producer.send(new ProducerRecord<>(topic, fill.account(), PortfolioJson.write(fill)));
    }
}
