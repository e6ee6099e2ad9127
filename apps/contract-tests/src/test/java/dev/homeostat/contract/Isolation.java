package dev.homeostat.contract;

import dev.homeostat.operator.api.MetricsSpec;
import dev.homeostat.operator.api.MicroService;
import dev.homeostat.operator.api.StreamApp;
import dev.homeostat.operator.api.Workload;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Edits an example the way a user would before applying it here: a free port instead of 8080 (other builds share
 * this machine) and consumer group and topic names that differ from every app's built-in default, so the app can
 * only find them through the environment the operator gives it.
 */
final class Isolation {

    /** Prefix of every group and topic name the test gives an app. */
    static final String PREFIX = "ct-";
    /** The spec.env variables of a MicroService that name a group or topics. */
    private static final Set<String> NAMING_VARIABLES = Set.of("KAFKA_GROUP_ID", "HOMEOSTAT_INPUT_TOPICS", "HOMEOSTAT_OUTPUT_TOPICS");

    private Isolation() {
    }

    /** The workload with a free port and prefixed group and topic names. */
    static Workload isolate(Workload workload) {
        switch (workload) {
            case StreamApp app -> {
                var kafka = app.getSpec().getKafka();
                kafka.setConsumerGroup(PREFIX + kafka.getConsumerGroup());
                kafka.setInputTopics(prefixed(kafka.getInputTopics()));
                kafka.setOutputTopics(prefixed(kafka.getOutputTopics()));
                var metrics = new MetricsSpec();
                metrics.setPort(freePort());
                app.getSpec().setMetrics(metrics);
            }
            case MicroService service -> {
                service.getSpec().setPort(freePort());
                service.getSpec().getEnv().stream().filter(var -> NAMING_VARIABLES.contains(var.getName()))
                        .forEach(var -> var.setValue(String.join(",", prefixed(Arrays.asList(var.getValue().split(","))))));
            }
            default -> throw new IllegalArgumentException("unknown workload " + workload.getKind());
        }
        return workload;
    }

    /** Every topic the (isolated) workload names: a StreamApp's spec.kafka, a MicroService's HOMEOSTAT_* env. */
    static List<String> topics(Workload workload) {
        if (workload instanceof StreamApp app) {
            var kafka = app.getSpec().getKafka();
            return java.util.stream.Stream.concat(kafka.getInputTopics().stream(), kafka.getOutputTopics().stream()).toList();
        }
        return workload.workloadSpec().getEnv().stream()
                .filter(var -> var.getName().startsWith("HOMEOSTAT_") && var.getName().endsWith("_TOPICS"))
                .flatMap(var -> Arrays.stream(var.getValue().split(","))).toList();
    }

    private static List<String> prefixed(List<String> names) {
        return names.stream().map(name -> PREFIX + name).collect(Collectors.toList());
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
