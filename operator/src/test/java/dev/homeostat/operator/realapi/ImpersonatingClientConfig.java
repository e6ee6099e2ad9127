package dev.homeostat.operator.realapi;

import io.fabric8.kubernetes.client.Config;
import io.quarkus.kubernetes.client.KubernetesConfigCustomizer;
import jakarta.inject.Singleton;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Lets the in-JVM operator of the real-API-server tier act as the chart's ServiceAccount: with
 * {@code realapi.impersonate-user} set (only {@link RealApiProfile} sets it) the operator's client impersonates that
 * user, so the API server applies the chart's RBAC to every call. Without the property it changes nothing.
 */
@Singleton
public class ImpersonatingClientConfig implements KubernetesConfigCustomizer {

    private final Optional<String> user;

    ImpersonatingClientConfig(@ConfigProperty(name = "realapi.impersonate-user") Optional<String> user) {
        this.user = user;
    }

    @Override
    public void customize(Config config) {
        user.ifPresent(u -> {
            config.setImpersonateUsername(u);
            config.setImpersonateGroups("system:serviceaccounts", "system:authenticated");
        });
    }
}
