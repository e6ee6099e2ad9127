package dev.homeostat.operator.scaler;

import dev.homeostat.operator.api.Workload;
import dev.homeostat.operator.model.Ownership;
import dev.homeostat.operator.model.WorkloadLabels;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.NonDeletingOperation;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/**
 * Keeps each app's learned state in a ConfigMap owned by its custom resource (as the Flink operator keeps its
 * autoscaler state), so it survives operator restarts and leader failover and is deleted with the app.
 */
final class ModelStore {

    /** The binaryData key holding the compressed snapshot. */
    static final String KEY = "models.gz";

    /** Outcome of a restore: the snapshot, or why the stored one was refused. */
    record Restored(Optional<ModelSnapshot> snapshot, String refused) {
    }

    private final KubernetesClient client;
    private final int maxBytes;

    ModelStore(KubernetesClient client, int maxBytes) {
        this.client = client;
        this.maxBytes = maxBytes;
    }

    /** Name of the app's state ConfigMap. */
    static String name(Workload app) {
        return app.getMetadata().getName() + "-homeostat-state";
    }

    /** Saves the snapshot (cut to the size cap); returns the bytes written. */
    int save(Workload app, ModelSnapshot snapshot) {
        byte[] bytes = snapshot.encode(maxBytes);
        ConfigMap map = new ConfigMapBuilder()
                .withMetadata(Ownership.ownedMetadata(app, name(app), WorkloadLabels.all(app)))
                .withBinaryData(Map.of(KEY, Base64.getEncoder().encodeToString(bytes)))
                .build();
        client.resource(map).createOr(NonDeletingOperation::update);
        return bytes.length;
    }

    /** Reads the app's snapshot; a missing map is empty, a corrupt or incompatible one is refused with the reason. */
    Restored load(Workload app) {
        ConfigMap map = client.configMaps().inNamespace(app.getMetadata().getNamespace()).withName(name(app)).get();
        if (map == null) {
            return new Restored(Optional.empty(), "");
        }
        String encoded = map.getBinaryData() == null ? null : map.getBinaryData().get(KEY);
        if (encoded == null) {
            return new Restored(Optional.empty(), "ConfigMap " + name(app) + " has no " + KEY);
        }
        try {
            return new Restored(Optional.of(ModelSnapshot.decode(Base64.getDecoder().decode(encoded))), "");
        } catch (RuntimeException e) {
            return new Restored(Optional.empty(), "ConfigMap " + name(app) + ": " + e.getMessage());
        }
    }
}
