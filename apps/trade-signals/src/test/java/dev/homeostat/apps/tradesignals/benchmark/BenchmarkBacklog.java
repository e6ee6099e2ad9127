package dev.homeostat.apps.tradesignals.benchmark;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import dev.homeostat.kafka.testing.EmbeddedKafkaBroker;
import dev.homeostat.kafka.testing.KafkaTestClients;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Fills {@code bench-quotes} with a seeded backlog of quotes (8 symbols, geometric random walks,
 * the market feed's JSON) before the app starts, so both consumers read the same records at full speed.
 */
public final class BenchmarkBacklog implements QuarkusTestResourceLifecycleManager {

    static final String TOPIC = "bench-quotes";
    static final int PARTITIONS = 3;
    private static final List<String> SYMBOLS = List.of("AAPL", "MSFT", "GOOG", "AMZN", "NVDA", "EURUSD", "GBPUSD", "USDJPY");

    /** Number of records, {@code -Dbench.records} (default 1,000,000). */
    static int records() {
        return Integer.getInteger("bench.records", 1_000_000);
    }

    /**
     * Records each pass reads before its clock starts, so all are measured JIT-warm (30 %: with 10 % the
     * JIT was still compiling the app's first-run code during its timed part, the other passes' not).
     */
    static long warmUp(long records) {
        return records * 3 / 10;
    }

    @Override
    public Map<String, String> start() {
        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.shared();
        if (broker.createTopic(TOPIC, PARTITIONS)) {
            produce(broker.bootstrapServers(), records());
        }
        return Map.of("kafka.bootstrap.servers", broker.bootstrapServers());
    }

    @Override
    public void stop() {
        // The shared broker stops with the JVM.
    }

    private static void produce(String bootstrapServers, int count) {
        SplittableRandom random = new SplittableRandom(42);
        double[] mids = new double[SYMBOLS.size()];
        for (int i = 0; i < mids.length; i++) {
            mids[i] = 50 + 250 * random.nextDouble();
        }
        Instant t0 = Instant.parse("2026-01-02T14:30:00Z");
        long started = System.nanoTime();
        try (KafkaProducer<String, String> producer = KafkaTestClients.stringProducer(bootstrapServers)) {
            for (int i = 0; i < count; i++) {
                int s = random.nextInt(SYMBOLS.size());
                mids[s] *= Math.exp(0.0005 * gaussian(random));
                double half = Math.max(0.0001, mids[s] * 0.0001 * (1 + random.nextDouble()));
                String symbol = SYMBOLS.get(s);
                String json = "{\"symbol\":\"" + symbol + "\",\"bid\":" + round(mids[s] - half) + ",\"ask\":"
                        + round(mids[s] + half) + ",\"size\":" + 100 * (1 + random.nextInt(50)) + ",\"eventTime\":\""
                        + t0.plusMillis(i) + "\",\"sequence\":" + i + "}";
                producer.send(new ProducerRecord<>(TOPIC, symbol, json));
            }
            producer.flush();
        }
        System.out.printf("BENCH backlog: %,d quotes in %s (%d partitions) produced in %.1f s%n", count, TOPIC,
                PARTITIONS, (System.nanoTime() - started) / 1e9);
    }

    private static double gaussian(SplittableRandom random) {
        // Box-Muller: SplittableRandom has no nextGaussian in every JDK profile we target.
        double u = 1 - random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
    }

    private static double round(double price) {
        return Math.round(price * 10_000) / 10_000.0;
    }
}
