package dev.homeostat.operator.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.homeostat.operator.Examples;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which Secrets and ConfigMaps a spec requires, and which of them are missing. */
class ReferencesTest {

    @Test
    void findsEnvSecretsAndTheKafkaConfigMapButNotOptionalReferences() {
        // given trade-signals (bootstrap servers from a ConfigMap) with an extra optional Secret reference
        var app = Examples.streamApp("trade-signals", "trading");
        app.getSpec().getEnv().add(new EnvVarBuilder().withName("OPTIONAL_TOKEN")
                .withNewValueFrom().withNewSecretKeyRef("token", "maybe-there", true).endValueFrom().build());

        // when
        var required = References.required(app);

        // then
        assertEquals(List.of(new Reference(Reference.CONFIG_MAP, "kafka-bootstrap", "spec.kafka.bootstrapServersFrom")), required);
    }

    @Test
    void missingKeepsOnlyWhatTheLookupCannotFind() {
        // given fraud-scoring with Kafka credentials from a Secret
        var app = Examples.withKafkaCredentials(Examples.streamApp("fraud-scoring", "risk"));

        // when
        var whenAbsent = References.missing(app, reference -> false);
        var whenPresent = References.missing(app, reference -> true);

        // then
        assertEquals(List.of(new Reference(Reference.SECRET, "kafka-credentials", "env KAFKA_SASL_JAAS_CONFIG"),
                new Reference(Reference.CONFIG_MAP, "kafka-bootstrap", "spec.kafka.bootstrapServersFrom")), whenAbsent);
        assertEquals(List.of(), whenPresent);
    }
}
