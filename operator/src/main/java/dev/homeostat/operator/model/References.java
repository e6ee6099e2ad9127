package dev.homeostat.operator.model;

import dev.homeostat.operator.api.StreamApp;
import dev.homeostat.operator.api.Workload;
import io.fabric8.kubernetes.api.model.EnvVar;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.Predicate;

/** Finds the Secrets and ConfigMaps a workload's spec requires (optional references are left out). */
public final class References {

    private References() {
    }

    /** Every required reference of the spec, in spec order, without duplicates. */
    public static List<Reference> required(Workload workload) {
        var found = new LinkedHashSet<Reference>();
        var env = workload.workloadSpec().getEnv();
        if (env != null) {
            env.forEach(var -> fromEnv(var, found));
        }
        if (workload instanceof StreamApp app && app.getSpec().getKafka() != null) {
            var from = app.getSpec().getKafka().getBootstrapServersFrom();
            if (from != null && !Boolean.TRUE.equals(from.getOptional())) {
                found.add(new Reference(Reference.CONFIG_MAP, from.getName(), "spec.kafka.bootstrapServersFrom"));
            }
        }
        return List.copyOf(found);
    }

    /** The required references the lookup cannot find. */
    public static List<Reference> missing(Workload workload, Predicate<Reference> exists) {
        var missing = new ArrayList<Reference>();
        for (Reference reference : required(workload)) {
            if (!exists.test(reference)) {
                missing.add(reference);
            }
        }
        return missing;
    }

    private static void fromEnv(EnvVar var, LinkedHashSet<Reference> found) {
        var source = var.getValueFrom();
        if (source == null) {
            return;
        }
        String usedBy = "env " + var.getName();
        var secret = source.getSecretKeyRef();
        if (secret != null && !Boolean.TRUE.equals(secret.getOptional())) {
            found.add(new Reference(Reference.SECRET, secret.getName(), usedBy));
        }
        var configMap = source.getConfigMapKeyRef();
        if (configMap != null && !Boolean.TRUE.equals(configMap.getOptional())) {
            found.add(new Reference(Reference.CONFIG_MAP, configMap.getName(), usedBy));
        }
    }
}
