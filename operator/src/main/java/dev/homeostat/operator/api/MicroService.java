package dev.homeostat.operator.api;

import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Version;

/** An HTTP service that Homeostat deploys, exposes and scales. */
@Group("homeostat.dev")
@Version("v1alpha1")
@ShortNames("msvc")
@AdditionalPrinterColumn(name = "Ready", type = AdditionalPrinterColumn.Type.STRING,
        jsonPath = ".status.conditions[?(@.type==\"Ready\")].status")
@AdditionalPrinterColumn(name = "Reason", type = AdditionalPrinterColumn.Type.STRING,
        jsonPath = ".status.conditions[?(@.type==\"Ready\")].reason", priority = 1)
@AdditionalPrinterColumn(name = "Replicas", type = AdditionalPrinterColumn.Type.INTEGER, jsonPath = ".status.replicas")
@AdditionalPrinterColumn(name = "Desired", type = AdditionalPrinterColumn.Type.INTEGER, jsonPath = ".status.desiredReplicas")
@AdditionalPrinterColumn(name = "Mode", type = AdditionalPrinterColumn.Type.STRING, jsonPath = ".spec.scaling.mode")
@AdditionalPrinterColumn(name = "Age", type = AdditionalPrinterColumn.Type.DATE, jsonPath = ".metadata.creationTimestamp")
// Plain bean deserialization: the Workload interface would otherwise inherit HasMetadata's polymorphic one.
@JsonDeserialize(using = JsonDeserializer.None.class)
public class MicroService extends CustomResource<MicroServiceSpec, WorkloadStatus> implements Namespaced, Workload {

    @Override
    public WorkloadSpec workloadSpec() {
        return getSpec();
    }

    @Override
    public WorkloadStatus workloadStatus() {
        return getStatus();
    }

    @Override
    public void replaceStatus(WorkloadStatus status) {
        setStatus(status);
    }

    @Override
    public String component() {
        return "micro-service";
    }
}
