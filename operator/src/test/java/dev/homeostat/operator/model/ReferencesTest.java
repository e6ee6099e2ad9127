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
        // given the normalizer (bootstrap servers from a ConfigMap) with an extra optional Secret reference
        var app = Examples.streamApp("market-data-normalizer", "trading");
        app.getSpec().getEnv().add(new EnvVarBuilder().withName("OPTIONAL_TOKEN")
                .withNewValueFrom().withNewSecretKeyRef("token", "maybe-there", true).endValueFrom().build());

        // when
        var required = References.required(app);

        // then
        assertEquals(List.of(new Reference(Reference.CONFIG_MAP, "kafka-bootstrap", "spec.kafka.bootstrapServersFrom")), required);
    }

    @Test
    void missingKeepsOnlyWhatTheLookupCannotFind() {
        // given
        var app = Examples.streamApp("fraud-scorer", "risk");

        // when
        var whenAbsent = References.missing(app, reference -> false);
        var whenPresent = References.missing(app, reference -> true);

        // then
        assertEquals(List.of(new Reference(Reference.SECRET, "fraud-scorer-credentials", "env MODEL_REGISTRY_TOKEN")), whenAbsent);
        assertEquals(List.of(), whenPresent);
    }
}
