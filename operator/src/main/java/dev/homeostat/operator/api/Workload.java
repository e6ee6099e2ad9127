package dev.homeostat.operator.api;

import io.fabric8.kubernetes.api.model.HasMetadata;

/** A Homeostat custom resource seen through what both kinds share, so models and reconcilers are written once. */
public interface Workload extends HasMetadata {

    /** The shared part of the spec. */
    WorkloadSpec workloadSpec();

    /** The status, possibly null before the first reconcile. Not named getStatus: that would clash with CustomResource's bean property. */
    WorkloadStatus workloadStatus();

    /** Replaces the status. */
    void replaceStatus(WorkloadStatus status);

    /** Value of the app.kubernetes.io/component label, e.g. stream-app. */
    String component();
}
