package dev.homeostat.operator.model;

import dev.homeostat.operator.api.Workload;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** The app.kubernetes.io labels every object Homeostat creates for a workload carries. */
public final class WorkloadLabels {

    public static final String NAME = "app.kubernetes.io/name";
    public static final String COMPONENT = "app.kubernetes.io/component";
    public static final String MANAGED_BY = "app.kubernetes.io/managed-by";
    public static final String PART_OF = "app.kubernetes.io/part-of";
    public static final String MANAGER = "homeostat-operator";
    /** Selector the operator's informers use to see only what it manages. */
    public static final String MANAGED_SELECTOR = MANAGED_BY + "=" + MANAGER;

    private WorkloadLabels() {
    }

    /** Labels that pick the workload's pods. Immutable in a Deployment, so only stable identity goes in. */
    public static Map<String, String> selector(Workload workload) {
        var labels = new LinkedHashMap<String, String>();
        labels.put(NAME, workload.getMetadata().getName());
        labels.put(COMPONENT, workload.component());
        return labels;
    }

    /** Selector labels plus ownership labels, for metadata of every owned object and pod. */
    public static Map<String, String> all(Workload workload) {
        var labels = new LinkedHashMap<>(selector(workload));
        labels.put(MANAGED_BY, MANAGER);
        labels.put(PART_OF, "homeostat");
        return labels;
    }

    /** The selector in string form, as the scale subresource wants it (sorted so it never flaps). */
    public static String selectorString(Workload workload) {
        return new TreeMap<>(selector(workload)).entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(","));
    }
}
