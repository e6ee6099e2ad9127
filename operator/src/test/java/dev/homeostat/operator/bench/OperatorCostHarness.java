package dev.homeostat.operator.bench;

import com.sun.net.httpserver.HttpServer;
import dev.homeostat.kafka.testing.EmbeddedKafkaBroker;
import dev.homeostat.kafka.testing.KafkaTestClients;
import dev.homeostat.operator.model.WorkloadLabels;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * The world around the operator for {@code operator/bench/operator-cost.sh}, in its own JVM so that its cost is not
 * counted as the operator's: a Fabric8 mock API server (CRUD) holding N apps (half StreamApps on a real in-JVM broker
 * that receives a steady trickle of records, half MicroServices, all Reactive) and one Ready Pod per app on
 * 127.0.0.1, whose metrics endpoint serves the real trade-signals capture with a records-in counter that grows.
 *
 * <p>Arguments: {@code <apps> <env-file>}; writes {@code API=…} and {@code BOOTSTRAP=…} to the env file, then runs
 * until killed.
 */
public final class OperatorCostHarness {

    private static final String NAMESPACE = "bench";
    private static final String TOPIC = "bench-in";

    private OperatorCostHarness() {
    }

    /** Held so the level sticks: the mock server logs every request at INFO, which would cost the machine. */
    private static final java.util.logging.Logger MOCK_LOG = java.util.logging.Logger.getLogger("io.fabric8.mockwebserver");

    public static void main(String[] args) throws Exception {
        MOCK_LOG.setLevel(java.util.logging.Level.WARNING);
        java.util.logging.Logger.getLogger("org.apache.kafka").setLevel(java.util.logging.Level.WARNING);
        int apps = Integer.parseInt(args[0]);
        Path envFile = Path.of(args[1]);
        var api = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(),
                new KubernetesCrudDispatcher(List.of()), false);
        api.init(InetAddress.getByName("127.0.0.1"), 0);
        String apiUrl = "http://127.0.0.1:" + api.getPort() + "/";
        Config config = new ConfigBuilder(Config.empty()).withMasterUrl(apiUrl).withNamespace(NAMESPACE).build();
        KubernetesClient client = new KubernetesClientBuilder().withConfig(config).build();
        for (String crd : List.of("streamapps.homeostat.dev-v1.yml", "microservices.homeostat.dev-v1.yml")) {
            client.resource(client.getKubernetesSerialization().unmarshal(
                    Files.readString(Path.of("operator/target/kubernetes", crd)), CustomResourceDefinition.class)).create();
        }

        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(new EmbeddedKafkaBroker.Options(6, Map.of()));
        broker.createTopic(TOPIC, 6);
        Thread.ofPlatform().daemon().name("bench-producer").start(() -> trickle(broker));

        String capture;
        try (InputStream in = OperatorCostHarness.class.getResourceAsStream("/telemetry/trade-signals-2.txt")) {
            capture = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String counterLine = "homeostat_records_in_total{app=\"trade-signals\",topic=\"quotes\"} 2733.0";
        long started = System.nanoTime();
        HttpServer metrics = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 256);
        metrics.setExecutor(Executors.newFixedThreadPool(2));
        metrics.createContext("/q/metrics", exchange -> {
            double seconds = (System.nanoTime() - started) / 1e9;
            String body = capture.replace(counterLine, counterLine.replace("2733.0", String.valueOf(Math.floor(seconds * 50))));
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        metrics.start();

        for (int i = 0; i < apps; i++) {
            boolean stream = i % 2 == 0;
            String name = String.format("app-%03d", i);
            client.resource(Serialization.unmarshal(stream ? streamApp(name, broker.bootstrapServers()) : microService(name),
                    GenericKubernetesResource.class)).inNamespace(NAMESPACE).create();
            client.resource(new PodBuilder()
                    .withNewMetadata().withName(name + "-0").withNamespace(NAMESPACE)
                        .addToLabels(WorkloadLabels.NAME, name)
                        .addToLabels(WorkloadLabels.COMPONENT, stream ? "stream-app" : "micro-service")
                        .addToLabels(WorkloadLabels.MANAGED_BY, WorkloadLabels.MANAGER)
                        .addToAnnotations("prometheus.io/port", String.valueOf(metrics.getAddress().getPort()))
                    .endMetadata()
                    .withNewSpec().addNewContainer().withName("app").withImage("bench:1").endContainer().endSpec()
                    .withNewStatus().withPodIP("127.0.0.1")
                        .addNewCondition().withType("Ready").withStatus("True").endCondition().endStatus()
                    .build()).create();
        }
        Files.writeString(envFile, "API=" + apiUrl + "\nBOOTSTRAP=" + broker.bootstrapServers() + "\n");
        System.out.println("harness ready: " + apps + " apps, API " + apiUrl);
        Thread.currentThread().join();
    }

    private static String streamApp(String name, String bootstrap) {
        return """
                apiVersion: homeostat.dev/v1alpha1
                kind: StreamApp
                metadata: {name: %s}
                spec:
                  image: bench/stream:1
                  minReplicas: 1
                  maxReplicas: 4
                  kafka: {bootstrapServers: "%s", inputTopics: [%s], consumerGroup: %s}
                  scaling: {mode: Reactive}
                """.formatted(name, bootstrap, TOPIC, name);
    }

    private static String microService(String name) {
        return """
                apiVersion: homeostat.dev/v1alpha1
                kind: MicroService
                metadata: {name: %s}
                spec:
                  image: bench/service:1
                  port: 8080
                  minReplicas: 1
                  maxReplicas: 4
                  scaling: {mode: Reactive}
                """.formatted(name);
    }

    /** 60 records/s spread over the topic's partitions, so end offsets move and arrival rates exist. */
    private static void trickle(EmbeddedKafkaBroker broker) {
        try (var producer = KafkaTestClients.stringProducer(broker.bootstrapServers())) {
            while (true) {
                for (int i = 0; i < 60; i++) {
                    producer.send(new ProducerRecord<>(TOPIC, "k" + i, "v"));
                }
                Thread.sleep(1000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
