package dev.homeostat.kafka.testing;

import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the embedded broker as a stand-alone local Kafka for trying the apps without Docker:
 * {@code java -cp … dev.homeostat.kafka.testing.LocalKafka [port]} (default 9092, 127.0.0.1 only,
 * 3 partitions per auto-created topic). Ctrl-C stops it and deletes its data.
 */
public final class LocalKafka {

    private LocalKafka() {
    }

    /** Starts the broker and blocks until the JVM is asked to stop. */
    public static void main(String[] args) throws InterruptedException {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 9092;
        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(new EmbeddedKafkaBroker.Options(3, Map.of(), port));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            broker.close();
            stopped.countDown();
        }, "local-kafka-shutdown"));
        System.out.println("Kafka listening on " + broker.bootstrapServers() + " (Ctrl-C to stop)");
        stopped.await();
    }
}
