package dev.homeostat.operator;

import dev.homeostat.operator.api.MicroService;
import dev.homeostat.operator.api.ScalingMode;
import dev.homeostat.operator.api.StreamApp;
import dev.homeostat.operator.api.Workload;
import dev.homeostat.operator.embedded.Manifests;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import java.nio.file.Path;
import java.util.List;

/** The repository's examples/ manifests as test fixtures, so the samples are exercised and cannot rot. */
public final class Examples {

    private Examples() {
    }

    /** examples/ of the repository, found from the module directory upwards. */
    public static Path directory() {
        return Manifests.findUpwards("examples");
    }

    /** Every object in examples/. */
    public static List<HasMetadata> all() {
        return Manifests.loadDirectory(directory());
    }

    /** The example object of the given type and name, fresh on every call. */
    public static <T extends HasMetadata> T named(Class<T> type, String name) {
        return all().stream().filter(type::isInstance).map(type::cast)
                .filter(o -> name.equals(o.getMetadata().getName()))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no " + type.getSimpleName() + " " + name + " in examples/"));
    }

    /** The example StreamApp, placed in {@code namespace} with the uid and generation an API server would give. */
    public static StreamApp streamApp(String name, String namespace) {
        return placed(named(StreamApp.class, name), namespace);
    }

    /** The example MicroService, placed like {@link #streamApp}. */
    public static MicroService microService(String name, String namespace) {
        return placed(named(MicroService.class, name), namespace);
    }

    /** The example object, moved to {@code namespace} and renamed to {@code newName}, as a test would create it. */
    public static <T extends HasMetadata> T copy(Class<T> type, String name, String namespace, String newName) {
        T resource = named(type, name);
        resource.getMetadata().setNamespace(namespace);
        resource.getMetadata().setName(newName);
        return resource;
    }

    /** Secret holding Kafka SASL credentials, as {@link #withKafkaCredentials} refers to it. */
    public static final String CREDENTIALS_SECRET = "kafka-credentials";

    /** The example portfolio switched to a Fixed count of 3 replicas (within its [2, 6] bounds), placed. */
    public static MicroService fixedPortfolio(String namespace) {
        MicroService service = microService("portfolio", namespace);
        service.getSpec().getScaling().setMode(ScalingMode.Fixed);
        service.getSpec().getScaling().setSlo(null);
        service.getSpec().setReplicas(3);
        return service;
    }

    /** The workload with Kafka SASL credentials taken from the Secret {@link #CREDENTIALS_SECRET}, as a user adds them. */
    public static <T extends Workload> T withKafkaCredentials(T workload) {
        workload.workloadSpec().getEnv().add(new EnvVarBuilder().withName("KAFKA_SASL_JAAS_CONFIG")
                .withNewValueFrom().withNewSecretKeyRef("sasl.jaas.config", CREDENTIALS_SECRET, null).endValueFrom().build());
        return workload;
    }

    /** The Secret {@link #withKafkaCredentials} refers to. */
    public static Secret credentialsSecret(String namespace) {
        return new SecretBuilder().withNewMetadata().withName(CREDENTIALS_SECRET).withNamespace(namespace).endMetadata()
                .addToStringData("sasl.jaas.config",
                        "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"app\" password=\"secret\";")
                .build();
    }

    private static <T extends HasMetadata> T placed(T resource, String namespace) {
        resource.getMetadata().setNamespace(namespace);
        resource.getMetadata().setUid("uid-" + resource.getMetadata().getName());
        resource.getMetadata().setGeneration(1L);
        return resource;
    }
}
