package dev.homeostat.operator.embedded;

import dev.homeostat.operator.api.ConditionTypes;
import dev.homeostat.operator.api.Workload;
import dev.homeostat.operator.model.Conditions;
import io.fabric8.kubernetes.api.model.Condition;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Renders workloads as the compact table the embedded mode prints: one line per app, aligned columns. */
public final class StatusTable {

    private static final List<String> HEADER = List.of("NAMESPACE/NAME", "KIND", "MODE", "REPLICAS/DESIRED", "READY", "REASON");

    private StatusTable() {
    }

    /** The table, rows sorted by kind then name; "-" where status is not written yet. */
    public static String render(List<? extends Workload> workloads) {
        var rows = new ArrayList<List<String>>();
        rows.add(HEADER);
        workloads.stream()
                .sorted(Comparator.comparing((Workload w) -> w.getKind())
                        .thenComparing(w -> w.getMetadata().getNamespace() + "/" + w.getMetadata().getName()))
                .forEach(w -> rows.add(row(w)));
        int[] widths = new int[HEADER.size()];
        for (var row : rows) {
            for (int i = 0; i < row.size(); i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        var out = new StringBuilder();
        for (var row : rows) {
            for (int i = 0; i < row.size(); i++) {
                out.append(i == row.size() - 1 ? row.get(i) : pad(row.get(i), widths[i] + 2));
            }
            out.append('\n');
        }
        return out.toString();
    }

    private static List<String> row(Workload workload) {
        var status = workload.workloadStatus();
        Condition ready = status == null ? null : Conditions.find(status.getConditions(), ConditionTypes.READY).orElse(null);
        String replicas = status == null ? "-/-" : text(status.getReplicas()) + "/" + text(status.getDesiredReplicas());
        return List.of(
                workload.getMetadata().getNamespace() + "/" + workload.getMetadata().getName(),
                workload.getKind(),
                workload.workloadSpec().scalingSettings().effectiveMode().name()
                        + (workload.workloadSpec().scalingSettings().shadowOnly() ? " (shadow)" : ""),
                replicas,
                ready == null ? "-" : ready.getStatus(),
                ready == null ? "-" : ready.getReason() + ": " + ready.getMessage());
    }

    private static String text(Integer value) {
        return value == null ? "-" : value.toString();
    }

    private static String pad(String text, int width) {
        return text + " ".repeat(Math.max(0, width - text.length()));
    }
}
