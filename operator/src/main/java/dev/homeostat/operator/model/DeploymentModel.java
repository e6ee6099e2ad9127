package dev.homeostat.operator.model;

import dev.homeostat.operator.api.KafkaSpec;
import dev.homeostat.operator.api.MicroService;
import dev.homeostat.operator.api.StreamApp;
import dev.homeostat.operator.api.Workload;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.ContainerPortBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Builds the Deployment a StreamApp or MicroService wants, from its spec alone. */
public final class DeploymentModel {

    /** Name of the app container in the pod. */
    public static final String CONTAINER = "app";

    private DeploymentModel() {
    }

    /** The desired Deployment of any workload kind. */
    public static Deployment of(Workload workload) {
        return switch (workload) {
            case StreamApp app -> forStreamApp(app);
            case MicroService service -> forMicroService(service);
            default -> throw new IllegalArgumentException("unsupported workload kind " + workload.getKind());
        };
    }

    /**
     * A StreamApp's Deployment: the Kafka settings go in as environment variables, and the metrics port is the
     * app's HTTP port (Quarkus serves /q/metrics and /q/health there), handed over as QUARKUS_HTTP_PORT.
     */
    public static Deployment forStreamApp(StreamApp app) {
        KafkaSpec kafka = app.getSpec().getKafka();
        if (kafka == null) {
            throw new IllegalArgumentException("spec.kafka is required for StreamApp " + describe(app));
        }
        var env = new ArrayList<EnvVar>();
        env.add(env("HOMEOSTAT_APP", app.getMetadata().getName()));
        env.add(bootstrapServers(kafka));
        env.add(env("KAFKA_GROUP_ID", kafka.getConsumerGroup()));
        env.add(env("HOMEOSTAT_INPUT_TOPICS", String.join(",", nullSafe(kafka.getInputTopics()))));
        env.add(env("HOMEOSTAT_OUTPUT_TOPICS", String.join(",", nullSafe(kafka.getOutputTopics()))));
        var metrics = MetricsEndpoint.of(app);
        env.add(env("QUARKUS_HTTP_PORT", Integer.toString(metrics.port())));
        return build(app, env, List.of(port("metrics", metrics.port())));
    }

    /** A MicroService's Deployment: the HTTP port is declared and handed to Quarkus via QUARKUS_HTTP_PORT. */
    public static Deployment forMicroService(MicroService service) {
        Integer httpPort = service.getSpec().getPort();
        if (httpPort == null) {
            throw new IllegalArgumentException("spec.port is required for MicroService " + describe(service));
        }
        var env = List.of(env("HOMEOSTAT_APP", service.getMetadata().getName()),
                env("QUARKUS_HTTP_PORT", Integer.toString(httpPort)));
        var ports = new ArrayList<ContainerPort>();
        ports.add(port("http", httpPort));
        var metrics = MetricsEndpoint.of(service);
        if (metrics.port() != httpPort) {
            ports.add(port("metrics", metrics.port()));
        }
        return build(service, env, ports);
    }

    private static Deployment build(Workload workload, List<EnvVar> operatorEnv, List<ContainerPort> ports) {
        var spec = workload.workloadSpec();
        if (spec.getImage() == null || spec.getImage().isBlank()) {
            throw new IllegalArgumentException("spec.image is required for " + workload.getKind() + " " + describe(workload));
        }
        String name = workload.getMetadata().getName();
        var metrics = MetricsEndpoint.of(workload);
        var container = PodDefaults.apply(new ContainerBuilder()
                .withName(CONTAINER)
                .withImage(spec.getImage())
                .withEnv(mergeEnv(operatorEnv, nullSafe(spec.getEnv())))
                .withPorts(ports)
                .withResources(spec.getResources())
                .build(), metrics, spec.getProbes());
        return new DeploymentBuilder()
                .withMetadata(Ownership.ownedMetadata(workload, name, WorkloadLabels.all(workload)))
                .withNewSpec()
                    .withReplicas(ReplicaTarget.of(spec))
                    .withNewSelector().withMatchLabels(WorkloadLabels.selector(workload)).endSelector()
                    .withNewTemplate()
                        .withNewMetadata()
                            .withLabels(WorkloadLabels.all(workload))
                            .withAnnotations(scrapeAnnotations(metrics))
                        .endMetadata()
                        .withNewSpec()
                            .withSecurityContext(PodDefaults.podSecurity())
                            .withContainers(container)
                            .withVolumes(PodDefaults.tmpVolume())
                        .endSpec()
                    .endTemplate()
                .endSpec()
                .build();
    }

    /** Prometheus' conventional pod annotations; the telemetry collector reads the same ones. */
    static Map<String, String> scrapeAnnotations(MetricsEndpoint metrics) {
        var annotations = new LinkedHashMap<String, String>();
        annotations.put("prometheus.io/scrape", "true");
        annotations.put("prometheus.io/port", Integer.toString(metrics.port()));
        annotations.put("prometheus.io/path", metrics.path());
        return annotations;
    }

    /** Operator-provided variables first; a user variable of the same name replaces the operator's. */
    static List<EnvVar> mergeEnv(List<EnvVar> operatorEnv, List<EnvVar> userEnv) {
        Set<String> userNames = userEnv.stream().map(EnvVar::getName).collect(Collectors.toSet());
        var merged = new ArrayList<EnvVar>();
        operatorEnv.stream().filter(e -> !userNames.contains(e.getName())).forEach(merged::add);
        merged.addAll(userEnv);
        return merged;
    }

    private static EnvVar bootstrapServers(KafkaSpec kafka) {
        if (kafka.getBootstrapServersFrom() != null) {
            return new EnvVarBuilder().withName("KAFKA_BOOTSTRAP_SERVERS")
                    .withNewValueFrom().withConfigMapKeyRef(kafka.getBootstrapServersFrom()).endValueFrom()
                    .build();
        }
        return env("KAFKA_BOOTSTRAP_SERVERS", kafka.getBootstrapServers());
    }

    private static EnvVar env(String name, String value) {
        return new EnvVarBuilder().withName(name).withValue(value).build();
    }

    private static ContainerPort port(String name, int port) {
        return new ContainerPortBuilder().withName(name).withContainerPort(port).withProtocol("TCP").build();
    }

    private static <T> List<T> nullSafe(List<T> list) {
        return list == null ? List.of() : list;
    }

    private static String describe(Workload workload) {
        return workload.getMetadata().getNamespace() + "/" + workload.getMetadata().getName();
    }
}
