package dev.homeostat.operator.scaler;

import dev.homeostat.operator.telemetry.Ticker;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * A test app and the part of a cluster that runs it: a producer offering load at a set rate to its topic, and a
 * "kubelet" that makes the app's Deployment real — for each replica it starts a {@link SimulatedPod} on its own
 * loopback address, registers the Pod object (Ready, podIP) with the Deployment's labels, and writes the
 * Deployment's status as the Deployment controller would. Load, processing and heap growth are paced against one
 * {@link Ticker} (the operator's, so the pods and the collector measure the same time): each is a schedule made up
 * after a late wake-up, never a fixed sleep assumed to be on time.
 */
final class SimulatedApp implements AutoCloseable {

    /** Size of every well-formed load record; anything else is malformed. */
    static final int PAYLOAD_BYTES = 100;

    private static final AtomicInteger NEXT_IP = new AtomicInteger(2 + (int) (ProcessHandle.current().pid() % 50) * 4);

    private final KubernetesClient client;
    private final Ticker ticker;
    private final String namespace;
    private final String name;
    private final String topic;
    private final String group;
    private final String bootstrapServers;
    private final int metricsPort;
    private final List<SimulatedPod> pods = new ArrayList<>();
    private final Thread kubelet;
    private final Thread producer;
    private volatile boolean running = true;
    private volatile double offeredRate;
    private volatile int stuckPartition = -1;
    private volatile double capacityPerPod;
    private volatile double heapUsed = 100e6;
    private volatile double heapGrowthPerSecond;
    private volatile double heapMax = 512e6;
    private volatile SimulatedPod.Endpoint endpoint = SimulatedPod.Endpoint.METRICS;
    private final AtomicLong produced = new AtomicLong();

    SimulatedApp(KubernetesClient client, Ticker ticker, String namespace, String name, String topic,
                 String bootstrapServers, double capacityPerPod) {
        this.client = client;
        this.ticker = ticker;
        this.heapSince = ticker.nanos();
        this.namespace = namespace;
        this.name = name;
        this.topic = topic;
        this.group = name + "-group";
        this.bootstrapServers = bootstrapServers;
        this.capacityPerPod = capacityPerPod;
        this.metricsPort = freePort();
        this.kubelet = Thread.ofPlatform().name("kubelet-" + name).daemon().start(this::kubelet);
        this.producer = Thread.ofPlatform().name("load-" + name).daemon().start(this::produce);
    }

    Ticker ticker() { return ticker; }
    String name() { return name; }
    String topic() { return topic; }
    String group() { return group; }
    String bootstrapServers() { return bootstrapServers; }
    int metricsPort() { return metricsPort; }
    double capacityPerPod() { return capacityPerPod; }
    SimulatedPod.Endpoint endpoint() { return endpoint; }
    double heapMax() { return heapMax; }

    /** Heap used now: the base plus the configured growth since it was set. */
    double heapUsed() {
        return Math.min(heapMax, heapUsed + heapGrowthPerSecond * (ticker.nanos() - heapSince) / 1e9);
    }

    private volatile long heapSince;

    void offer(double recordsPerSecond) { this.offeredRate = recordsPerSecond; }
    /** From now on no pod consumes {@code partition} (a poison record holds it); -1 for none. */
    void stuckPartition(int partition) { this.stuckPartition = partition; }
    int stuckPartition() { return stuckPartition; }
    void capacity(double recordsPerSecondPerPod) { this.capacityPerPod = recordsPerSecondPerPod; }
    void endpoint(SimulatedPod.Endpoint value) { this.endpoint = value; }

    /** Heap grows linearly from now at {@code bytesPerSecond}. */
    void heapGrowth(double bytesPerSecond) {
        heapUsed = heapUsed();
        heapSince = ticker.nanos();
        heapGrowthPerSecond = bytesPerSecond;
    }

    /**
     * Sends {@code count} malformed records (not the load's payload) to the app's topic, {@code perSecond} a second:
     * record i is due i/perSecond after the first, so a late wake-up does not stretch the burst.
     */
    void poison(int count, double perSecond) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        try (var kafka = new KafkaProducer<byte[], byte[]>(props)) {
            long start = ticker.nanos();
            for (int i = 0; i < count; i++) {
                kafka.send(new ProducerRecord<>(topic, ("poison-" + i).getBytes(), "{not json".getBytes()));
                long due = start + (long) ((i + 1) * 1e9 / perSecond);
                long wait = due - ticker.nanos();
                if (wait > 0 && i + 1 < count) {
                    sleep(Math.max(1, wait / 1_000_000));
                }
            }
        }
    }

    synchronized int runningPods() {
        return pods.size();
    }

    private void produce() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        byte[] value = new byte[PAYLOAD_BYTES];
        try (var kafka = new KafkaProducer<byte[], byte[]>(props)) {
            long last = ticker.nanos();
            double owed = 0;
            while (running) {
                long now = ticker.nanos();
                owed += offeredRate * (now - last) / 1e9;
                last = now;
                while (owed >= 1) {
                    byte[] key = Long.toString(produced.getAndIncrement()).getBytes();
                    kafka.send(new ProducerRecord<>(topic, key, value));
                    owed -= 1;
                }
                sleep(20);
            }
        }
    }

    private void kubelet() {
        while (running) {
            try {
                Deployment deployment = client.apps().deployments().inNamespace(namespace).withName(name).get();
                if (deployment != null) {
                    int want = deployment.getSpec().getReplicas() == null ? 1 : deployment.getSpec().getReplicas();
                    resize(deployment, want);
                    publishStatus(deployment);
                }
            } catch (RuntimeException e) {
                // the API server may be between states; try again on the next beat
            }
            sleep(100);
        }
    }

    private synchronized void resize(Deployment deployment, int want) {
        while (pods.size() < want) {
            String ip = "127.0.0." + (NEXT_IP.getAndIncrement() % 250 + 2);
            SimulatedPod pod = new SimulatedPod(ip, this);
            pods.add(pod);
            var labels = deployment.getSpec().getTemplate().getMetadata().getLabels();
            client.pods().inNamespace(namespace).resource(new PodBuilder()
                    .withNewMetadata().withName(name + "-" + ip.replace('.', '-')).withNamespace(namespace)
                        .withLabels(labels).endMetadata()
                    .withNewSpec().addNewContainer().withName("app").withImage("test").endContainer().endSpec()
                    .build()).create();
            client.pods().inNamespace(namespace).withName(name + "-" + ip.replace('.', '-')).editStatus(p -> new PodBuilder(p)
                    .withNewStatus().withPhase("Running").withPodIP(ip)
                        .addNewCondition().withType("Ready").withStatus("True").endCondition()
                    .endStatus().build());
        }
        while (pods.size() > want) {
            SimulatedPod pod = pods.removeLast();
            client.pods().inNamespace(namespace).withName(name + "-" + pod.ip().replace('.', '-')).delete();
            pod.close();
        }
    }

    private void publishStatus(Deployment deployment) {
        int count = runningPods();
        var status = deployment.getStatus();
        Long generation = deployment.getMetadata().getGeneration();
        if (status != null && Integer.valueOf(count).equals(status.getReadyReplicas())
                && java.util.Objects.equals(generation, status.getObservedGeneration())) {
            return;
        }
        client.apps().deployments().inNamespace(namespace).withName(name).editStatus(d -> {
            d.setStatus(new DeploymentStatusBuilder().withReplicas(count).withReadyReplicas(count)
                    .withUpdatedReplicas(count).withAvailableReplicas(count)
                    .withObservedGeneration(d.getMetadata().getGeneration()).build());
            return d;
        });
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        running = false;
        try {
            kubelet.join(5_000);
            producer.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (this) {
            pods.forEach(SimulatedPod::close);
            pods.clear();
        }
    }
}
