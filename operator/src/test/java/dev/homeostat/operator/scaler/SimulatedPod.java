package dev.homeostat.operator.scaler;

import com.sun.net.httpserver.HttpServer;
import dev.homeostat.operator.telemetry.Ticker;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.prometheus.PrometheusConfig;
import io.micrometer.prometheus.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * One replica of a test app: a real Kafka consumer in the app's group that processes at most
 * {@code capacity} records/s, paced against the test's {@link Ticker} (see {@link #process()}), and a real
 * Micrometer Prometheus endpoint on its own loopback address (127.0.0.N) with the metrics the apps expose (docs/telemetry.md). A record
 * that is not the load's 100-byte payload is malformed: like the apps, the pod sends it to {@code <topic>-dlq} and
 * counts it in {@code homeostat_errors_total{kind="malformed"}}.
 */
final class SimulatedPod implements AutoCloseable {

    /** What the pod's metrics endpoint serves. */
    enum Endpoint { METRICS, GONE, HOSTILE }

    /** Time a late wake-up may be made up by the next records; idle time beyond it is not banked as a burst. */
    private static final double CATCH_UP_SECONDS = 0.05;

    private final String ip;
    private final SimulatedApp app;
    private final Ticker ticker;
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Counter recordsIn;
    private final Counter malformed;
    private KafkaProducer<byte[], byte[]> deadLetters;
    private final Thread consumerThread;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final HttpServer server;
    private volatile long busyNanos;
    private long busyAtScrape;
    private long wallAtScrape;
    private volatile double busyRatio;
    private double credit;
    private long creditAt;

    SimulatedPod(String ip, SimulatedApp app) {
        this.ip = ip;
        this.app = app;
        this.ticker = app.ticker();
        this.wallAtScrape = ticker.nanos();
        this.creditAt = ticker.nanos();
        recordsIn = Counter.builder("homeostat.records.in").tags("app", app.name(), "topic", app.topic()).register(registry);
        malformed = Counter.builder("homeostat.errors").tags("app", app.name(), "kind", "malformed").register(registry);
        Gauge.builder("homeostat.busy.ratio", this, p -> p.busyRatio).tags("app", app.name()).register(registry);
        Gauge.builder("jvm.memory.used", app, a -> a.heapUsed()).tags("area", "heap", "id", "G1 Old Gen")
                .baseUnit("bytes").register(registry);
        Gauge.builder("jvm.memory.max", app, a -> a.heapMax()).tags("area", "heap", "id", "G1 Old Gen")
                .baseUnit("bytes").register(registry);
        try {
            server = HttpServer.create(new InetSocketAddress(ip, app.metricsPort()), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serve metrics on " + ip + ":" + app.metricsPort(), e);
        }
        server.createContext("/q/metrics", exchange -> {
            byte[] body = switch (app.endpoint()) {
                case METRICS -> scrape().getBytes(StandardCharsets.UTF_8);
                case HOSTILE -> hostile();
                case GONE -> null;
            };
            if (body == null) {
                exchange.sendResponseHeaders(404, -1);
                exchange.close();
                return;
            }
            exchange.getResponseHeaders().add("Content-Type", "text/plain; version=0.0.4");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        consumerThread = Thread.ofPlatform().name("pod-" + ip).daemon().start(this::consume);
    }

    String ip() {
        return ip;
    }

    /** Busy ratio over the time since the previous scrape, as the apps' BusyFraction reports it (window = scrape interval). */
    private synchronized String scrape() {
        long now = ticker.nanos();
        long busy = busyNanos;
        long wall = now - wallAtScrape;
        if (wall > 0) {
            busyRatio = Math.min(1.0, (double) (busy - busyAtScrape) / wall);
        }
        busyAtScrape = busy;
        wallAtScrape = now;
        return registry.scrape();
    }

    /** Not Prometheus text: a NaN counter, garbage lines and an absurdly long label. */
    private static byte[] hostile() {
        StringBuilder out = new StringBuilder();
        out.append("homeostat_records_in_total{app=\"x\",topic=\"t\"} NaN\n");
        out.append("homeostat_busy_ratio{app=\"x\"} +Inf\n");
        out.append("}}}{{{ not a metric line at all \u0000\u0001\n");
        out.append("homeostat_records_in_total{app=\"").append("A".repeat(200_000)).append("\"} 1\n");
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private void consume() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, app.bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, app.group());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "true");
        props.put(ConsumerConfig.AUTO_COMMIT_INTERVAL_MS_CONFIG, "200");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "20");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        try (var consumer = new KafkaConsumer<byte[], byte[]>(props)) {
            consumer.subscribe(List.of(app.topic()));
            while (running.get()) {
                int stuck = app.stuckPartition();
                var partition = new org.apache.kafka.common.TopicPartition(app.topic(), stuck);
                if (stuck >= 0 && consumer.assignment().contains(partition) && !consumer.paused().contains(partition)) {
                    consumer.pause(List.of(partition));
                }
                ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofMillis(100));
                for (var record : records) {
                    if (record.value() == null || record.value().length != SimulatedApp.PAYLOAD_BYTES) {
                        deadLetter(record.key(), record.value());
                    } else {
                        process();
                    }
                    recordsIn.increment();
                }
            }
        } catch (org.apache.kafka.common.errors.InterruptException e) {
            // closing
        } finally {
            if (deadLetters != null) {
                deadLetters.close(Duration.ofSeconds(2));
            }
        }
    }

    /** Sends a malformed record to the dead-letter topic and counts it, as the apps do. */
    private void deadLetter(byte[] key, byte[] value) {
        if (deadLetters == null) {
            Properties props = new Properties();
            props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, app.bootstrapServers());
            props.put(ProducerConfig.ACKS_CONFIG, "all");
            props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
            props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
            deadLetters = new KafkaProducer<>(props);
        }
        deadLetters.send(new ProducerRecord<>(app.topic() + "-dlq", key, value));
        malformed.increment();
    }

    /**
     * Takes one record at no more than {@code capacity} records/s of the ticker's time, and counts 1/capacity s busy.
     * The pace is a schedule, not a sleep per record: a sleep that overshoots (a busy machine wakes threads late) is
     * made up by the next records, up to {@link #CATCH_UP_SECONDS}, so a saturated pod processes its capacity
     * whatever the scheduler does, and its busy time per record is exactly 1/capacity — the figures the scaler
     * should learn are the ones the test set, not ones that drift with the machine's load.
     */
    private void process() {
        double capacity = Math.max(0.1, app.capacityPerPod());
        double bank = Math.max(1.0, capacity * CATCH_UP_SECONDS);
        while (running.get()) {
            long now = ticker.nanos();
            credit = Math.min(bank, credit + capacity * (now - creditAt) / 1e9);
            creditAt = now;
            if (credit >= 1) {
                break;
            }
            try {
                Thread.sleep(Duration.ofNanos((long) Math.ceil((1 - credit) / capacity * 1e9)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running.set(false);
            }
        }
        credit -= 1;
        busyNanos += (long) (1e9 / capacity);
    }

    @Override
    public void close() {
        running.set(false);
        server.stop(0);
        try {
            consumerThread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

}
