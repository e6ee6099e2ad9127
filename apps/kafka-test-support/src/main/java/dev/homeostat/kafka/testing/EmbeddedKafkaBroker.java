package dev.homeostat.kafka.testing;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;

/**
 * A real single-node Kafka broker (KRaft, combined broker and controller) running inside this JVM,
 * with every listener bound to 127.0.0.1 on ports chosen at construction and kept across restarts.
 *
 * <p>Use {@link #shared()} to reuse one broker per JVM (tests), or {@link #start(Options)} for a
 * private one (benchmarks). {@link #stop()} and {@link #start()} keep the data directory and the
 * ports, so clients see a broker outage and a recovery, not a new cluster.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {

    private static final String LOOPBACK = "127.0.0.1";
    private static final String CONTROLLER_LISTENER = "CONTROLLER";
    private static final String SASL_LISTENER = "SASL_PLAINTEXT";
    private static final int NODE_ID = 1;
    private static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(30);

    private static EmbeddedKafkaBroker shared;

    private final Options options;
    private final Path dataDirectory;
    private final int brokerPort;
    private final int controllerPort;
    private final int saslPort;
    private KafkaRaftServer server;

    /**
     * Settings of an embedded broker.
     *
     * @param defaultPartitions partitions of auto-created topics and of {@link #createTopic(String, int)}
     *                          callers that pass no count; at least 1
     * @param brokerProperties  extra broker properties, applied last (they win over the defaults)
     * @param brokerPort        port of the client listener on 127.0.0.1, or 0 for any free port
     * @param saslUsers         user name to password of a second, SASL/PLAIN client listener on 127.0.0.1
     *                          ({@link #saslBootstrapServers()}); empty for none
     */
    public record Options(int defaultPartitions, Map<String, String> brokerProperties, int brokerPort,
                          Map<String, String> saslUsers) {
        public Options {
            if (defaultPartitions < 1) {
                throw new IllegalArgumentException("defaultPartitions must be >= 1, was " + defaultPartitions);
            }
            if (brokerPort < 0 || brokerPort > 65_535) {
                throw new IllegalArgumentException("brokerPort must be 0 (any) or a port number, was " + brokerPort);
            }
            brokerProperties = Map.copyOf(Objects.requireNonNull(brokerProperties, "brokerProperties"));
            saslUsers = Map.copyOf(Objects.requireNonNull(saslUsers, "saslUsers"));
        }

        /** Options without a SASL listener. */
        public Options(int defaultPartitions, Map<String, String> brokerProperties, int brokerPort) {
            this(defaultPartitions, brokerProperties, brokerPort, Map.of());
        }

        /** Options on any free port. */
        public Options(int defaultPartitions, Map<String, String> brokerProperties) {
            this(defaultPartitions, brokerProperties, 0);
        }

        /** One partition per auto-created topic, no extra properties, any free port. */
        public static Options defaults() {
            return new Options(1, Map.of(), 0);
        }

        /** These options plus a SASL/PLAIN listener that admits exactly these users. */
        public Options withSaslUsers(Map<String, String> users) {
            return new Options(defaultPartitions, brokerProperties, brokerPort, users);
        }
    }

    private EmbeddedKafkaBroker(Options options, Path dataDirectory, int brokerPort, int controllerPort, int saslPort) {
        this.options = options;
        this.dataDirectory = dataDirectory;
        this.brokerPort = brokerPort;
        this.controllerPort = controllerPort;
        this.saslPort = saslPort;
    }

    /** Formats fresh storage in a temporary directory and starts a broker on free loopback ports. */
    public static EmbeddedKafkaBroker start(Options options) {
        Objects.requireNonNull(options, "options");
        try {
            Path directory = Files.createTempDirectory("homeostat-kafka-");
            int brokerPort = options.brokerPort() == 0 ? freePort() : options.brokerPort();
            int saslPort = options.saslUsers().isEmpty() ? 0 : freePort();
            EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(options, directory, brokerPort, freePort(), saslPort);
            broker.format();
            broker.start();
            return broker;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the embedded Kafka broker's storage", e);
        }
    }

    /**
     * The broker shared by every test in this JVM (per class loader), started on first use with
     * {@link Options#defaults()} and stopped by a JVM shutdown hook.
     */
    public static synchronized EmbeddedKafkaBroker shared() {
        if (shared == null) {
            EmbeddedKafkaBroker broker = start(Options.defaults());
            Runtime.getRuntime().addShutdownHook(new Thread(broker::close, "embedded-kafka-shutdown"));
            shared = broker;
        }
        if (!shared.isRunning()) {
            shared.start();
        }
        return shared;
    }

    /** {@code host:port} of the PLAINTEXT listener, for {@code bootstrap.servers}. */
    public String bootstrapServers() {
        return LOOPBACK + ":" + brokerPort;
    }

    /** {@code host:port} of the SASL/PLAIN listener; only when the options named SASL users. */
    public String saslBootstrapServers() {
        if (saslPort == 0) {
            throw new IllegalStateException("this broker has no SASL listener: start it with Options.withSaslUsers");
        }
        return LOOPBACK + ":" + saslPort;
    }

    /** Client settings that log in to the SASL listener as {@code user} with {@code password}. */
    public static Map<String, String> saslClientSettings(String user, String password) {
        return Map.of("security.protocol", "SASL_PLAINTEXT", "sasl.mechanism", "PLAIN",
                "sasl.jaas.config", "org.apache.kafka.common.security.plain.PlainLoginModule required username=\""
                        + user + "\" password=\"" + password + "\";");
    }

    /** Whether the broker is currently running. */
    public synchronized boolean isRunning() {
        return server != null;
    }

    /** Starts the broker on its existing storage and ports; a no-op when it runs already. */
    public synchronized void start() {
        if (server != null) {
            return;
        }
        KafkaRaftServer candidate = new KafkaRaftServer(new KafkaConfig(brokerProperties(), false), Time.SYSTEM);
        candidate.startup();
        server = candidate;
    }

    /** Stops the broker (controlled shutdown), keeping its data so {@link #start()} resumes it. */
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        try {
            server.shutdown();
            server.awaitShutdown();
        } finally {
            server = null;
        }
    }

    /** Stops and starts the broker: clients see a short outage and must reconnect by themselves. */
    public void restart() {
        stop();
        start();
    }

    /** Creates a topic with {@link Options#defaultPartitions()} partitions; returns false if it existed. */
    public boolean createTopic(String name) {
        return createTopic(name, options.defaultPartitions(), Map.of());
    }

    /** Creates a topic with the given partition count; returns false if it existed. */
    public boolean createTopic(String name, int partitions) {
        return createTopic(name, partitions, Map.of());
    }

    /**
     * Creates a topic (replication factor 1) with topic-level configs such as
     * {@code cleanup.policy=compact}; returns false if it existed already.
     */
    public boolean createTopic(String name, int partitions, Map<String, String> topicConfigs) {
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be >= 1, was " + partitions + " for topic " + name);
        }
        NewTopic topic = new NewTopic(name, partitions, (short) 1).configs(topicConfigs);
        try (Admin admin = admin()) {
            admin.createTopics(List.of(topic)).all().get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof TopicExistsException) {
                return false;
            }
            throw new IllegalStateException("cannot create topic " + name + ": " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("timed out creating topic " + name, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topic " + name, e);
        }
    }

    /** An admin client for this broker; the caller closes it. */
    public Admin admin() {
        return Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) ADMIN_TIMEOUT.toMillis()));
    }

    /** Stops the broker and deletes its data directory. */
    @Override
    public void close() {
        stop();
        deleteRecursively(dataDirectory);
    }

    private void format() {
        try {
            new Formatter()
                    .setPrintStream(new PrintStream(PrintStream.nullOutputStream()))
                    .setNodeId(NODE_ID)
                    .setClusterId(Uuid.randomUuid().toString())
                    .setControllerListenerName(CONTROLLER_LISTENER)
                    .setMetadataLogDirectory(logDirectory().toString())
                    .addDirectory(logDirectory().toString())
                    .run();
        } catch (Exception e) {
            throw new IllegalStateException("cannot format KRaft storage in " + logDirectory(), e);
        }
    }

    private Path logDirectory() {
        return dataDirectory.resolve("log");
    }

    private Properties brokerProperties() {
        Properties properties = new Properties();
        properties.put("process.roles", "broker,controller");
        properties.put("node.id", String.valueOf(NODE_ID));
        properties.put("controller.quorum.voters", NODE_ID + "@" + LOOPBACK + ":" + controllerPort);
        String plain = "PLAINTEXT://" + LOOPBACK + ":" + brokerPort;
        String sasl = saslPort == 0 ? "" : "," + SASL_LISTENER + "://" + LOOPBACK + ":" + saslPort;
        properties.put("listeners", plain + sasl + "," + CONTROLLER_LISTENER + "://" + LOOPBACK + ":" + controllerPort);
        properties.put("advertised.listeners", plain + sasl);
        properties.put("controller.listener.names", CONTROLLER_LISTENER);
        properties.put("inter.broker.listener.name", "PLAINTEXT");
        properties.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT"
                + (saslPort == 0 ? "" : "," + SASL_LISTENER + ":SASL_PLAINTEXT"));
        if (saslPort != 0) {
            // The broker talks to itself over PLAINTEXT; the SASL listener is for clients only.
            properties.put("sasl.enabled.mechanisms", "PLAIN");
            StringBuilder jaas = new StringBuilder("org.apache.kafka.common.security.plain.PlainLoginModule required");
            options.saslUsers().forEach((user, password) -> jaas.append(" user_").append(user).append("=\"")
                    .append(password).append('"'));
            properties.put("listener.name." + SASL_LISTENER.toLowerCase() + ".plain.sasl.jaas.config", jaas.append(';').toString());
        }
        properties.put("log.dirs", logDirectory().toString());
        properties.put("num.partitions", String.valueOf(options.defaultPartitions()));
        // A single node: every internal topic must live with one replica.
        properties.put("offsets.topic.replication.factor", "1");
        properties.put("offsets.topic.num.partitions", "5");
        properties.put("transaction.state.log.replication.factor", "1");
        properties.put("transaction.state.log.min.isr", "1");
        properties.put("share.coordinator.state.topic.replication.factor", "1");
        properties.put("share.coordinator.state.topic.min.isr", "1");
        // Tests want consumer groups to form at once, not after the production 3 s grace period.
        properties.put("group.initial.rebalance.delay.ms", "0");
        properties.put("auto.create.topics.enable", "true");
        // A restarted node re-registers only after its previous broker session expires (default 9 s).
        properties.put("broker.session.timeout.ms", "2000");
        properties.put("broker.heartbeat.interval.ms", "500");
        // Keep a small machine's memory and threads for the code under test.
        properties.put("num.network.threads", "2");
        properties.put("num.io.threads", "2");
        properties.put("log.cleaner.dedupe.buffer.size", String.valueOf(8 * 1024 * 1024));
        properties.put("log.cleaner.backoff.ms", "1000");
        properties.putAll(options.brokerProperties());
        return properties;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(LOOPBACK))) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }

    private static void deleteRecursively(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + root, e);
        }
    }
}
