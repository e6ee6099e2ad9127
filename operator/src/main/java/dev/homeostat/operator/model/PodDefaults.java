package dev.homeostat.operator.model;

import dev.homeostat.operator.api.ProbesSpec;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSecurityContextBuilder;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.ProbeBuilder;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.SecurityContextBuilder;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.VolumeMountBuilder;

/**
 * What every Homeostat pod gets without asking: probes on the Quarkus health endpoints and the settings of the
 * Kubernetes "restricted" Pod Security Standard, with a writable /tmp on a read-only root filesystem.
 */
public final class PodDefaults {

    /** SmallRye Health's liveness endpoint. */
    public static final String LIVENESS_PATH = "/q/health/live";
    /** SmallRye Health's readiness endpoint. */
    public static final String READINESS_PATH = "/q/health/ready";
    /** The emptyDir volume mounted at /tmp (Vert.x file cache, Kafka clients' temp files, JFR). */
    public static final String TMP_VOLUME = "tmp";

    private PodDefaults() {
    }

    /** The container with probes (spec's or default) and the restricted container security context. */
    public static Container apply(Container container, MetricsEndpoint metrics, ProbesSpec overrides) {
        Probe liveness = overrides != null && overrides.getLiveness() != null
                ? overrides.getLiveness() : liveness(metrics.port());
        Probe readiness = overrides != null && overrides.getReadiness() != null
                ? overrides.getReadiness() : readiness(metrics.port());
        return new ContainerBuilder(container)
                .withLivenessProbe(liveness)
                .withReadinessProbe(readiness)
                .withSecurityContext(containerSecurity())
                .addToVolumeMounts(tmpMount())
                .build();
    }

    /** Restarts a pod whose app reports not-live; allows a slow JVM start before the first check counts. */
    static Probe liveness(int port) {
        return new ProbeBuilder()
                .withNewHttpGet().withPath(LIVENESS_PATH).withNewPort(port).endHttpGet()
                .withInitialDelaySeconds(20).withPeriodSeconds(10).withTimeoutSeconds(2).withFailureThreshold(3)
                .build();
    }

    /** Takes a pod out of the Service until its app reports ready (e.g. state restored). */
    static Probe readiness(int port) {
        return new ProbeBuilder()
                .withNewHttpGet().withPath(READINESS_PATH).withNewPort(port).endHttpGet()
                .withInitialDelaySeconds(3).withPeriodSeconds(5).withTimeoutSeconds(2).withFailureThreshold(3)
                .build();
    }

    /** Pod level: never root, the runtime's default seccomp profile. */
    public static PodSecurityContext podSecurity() {
        return new PodSecurityContextBuilder()
                .withRunAsNonRoot(true)
                .withNewSeccompProfile().withType("RuntimeDefault").endSeccompProfile()
                .build();
    }

    /** Container level: no privilege escalation, no capabilities, read-only root filesystem. */
    static SecurityContext containerSecurity() {
        return new SecurityContextBuilder()
                .withRunAsNonRoot(true)
                .withAllowPrivilegeEscalation(false)
                .withReadOnlyRootFilesystem(true)
                .withNewCapabilities().addToDrop("ALL").endCapabilities()
                .withNewSeccompProfile().withType("RuntimeDefault").endSeccompProfile()
                .build();
    }

    /** The writable /tmp the read-only root filesystem needs. */
    public static Volume tmpVolume() {
        return new VolumeBuilder().withName(TMP_VOLUME).withNewEmptyDir().endEmptyDir().build();
    }

    private static VolumeMount tmpMount() {
        return new VolumeMountBuilder().withName(TMP_VOLUME).withMountPath("/tmp").build();
    }
}
