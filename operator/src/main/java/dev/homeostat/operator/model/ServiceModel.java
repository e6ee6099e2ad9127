package dev.homeostat.operator.model;

import dev.homeostat.operator.api.MicroService;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.ServicePortBuilder;

/** Builds the ClusterIP Service that exposes a MicroService's pods. */
public final class ServiceModel {

    private ServiceModel() {
    }

    /** A Service named like the MicroService, forwarding spec.port to the container's http port. */
    public static Service of(MicroService service) {
        if (service.getSpec().getPort() == null) {
            throw new IllegalArgumentException("spec.port is required for MicroService "
                    + service.getMetadata().getNamespace() + "/" + service.getMetadata().getName());
        }
        var metadata = Ownership.ownedMetadata(service, service.getMetadata().getName(), WorkloadLabels.all(service));
        return new ServiceBuilder()
                .withMetadata(metadata)
                .withNewSpec()
                    .withType("ClusterIP")
                    .withSelector(WorkloadLabels.selector(service))
                    .withPorts(new ServicePortBuilder()
                            .withName("http")
                            .withPort(service.getSpec().getPort())
                            .withTargetPort(new IntOrString("http"))
                            .withProtocol("TCP")
                            .build())
                .endSpec()
                .build();
    }
}
