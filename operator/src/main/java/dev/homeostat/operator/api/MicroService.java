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
// kubectl get columns, KEDA-style: NAME, MODE, READY, REPLICAS, DESIRED, (wide: REASON), AGE. Fabric8's CRD generator
// sorts printer columns by jsonPath, so each path is written in an equivalent JSONPath form that sorts into this order
// (".*" < ".." < ".m"); checked against a real kube-apiserver and in GeneratedCrdTest.
@AdditionalPrinterColumn(name = "Mode", type = AdditionalPrinterColumn.Type.STRING, jsonPath = Columns.MODE)
@AdditionalPrinterColumn(name = "Ready", type = AdditionalPrinterColumn.Type.STRING, jsonPath = Columns.READY)
@AdditionalPrinterColumn(name = "Replicas", type = AdditionalPrinterColumn.Type.INTEGER, jsonPath = Columns.REPLICAS)
@AdditionalPrinterColumn(name = "Desired", type = AdditionalPrinterColumn.Type.INTEGER, jsonPath = Columns.DESIRED)
@AdditionalPrinterColumn(name = "Reason", type = AdditionalPrinterColumn.Type.STRING, jsonPath = Columns.REASON, priority = 1)
@AdditionalPrinterColumn(name = "Age", type = AdditionalPrinterColumn.Type.DATE, jsonPath = Columns.AGE)
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
