package dev.homeostat.operator.local;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Quantity;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The java command line of an app process: the operator's own JVM binary, small-JVM flags, heap from the limit. */
public final class JvmCommand {

    private final String javaBinary;
    private final List<String> options;
    private final String defaultMaxHeap;

    public JvmCommand(String javaBinary, String options, String defaultMaxHeap) {
        this.javaBinary = javaBinary;
        this.options = Arrays.stream(options.trim().split("\\s+")).filter(s -> !s.isEmpty()).toList();
        this.defaultMaxHeap = defaultMaxHeap;
    }

    /** The java binary running this JVM. */
    public static String currentJava() {
        return ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    /** {@code java <options> -Xmx… -jar jar}. */
    public List<String> command(Path jar, Container container) {
        var command = new ArrayList<String>();
        command.add(javaBinary);
        command.addAll(options);
        command.add("-Xmx" + maxHeap(container));
        command.add("-jar");
        command.add(jar.toString());
        return command;
    }

    /** 60% of the container's memory limit (the rest is metaspace, threads, buffers), or the default. */
    String maxHeap(Container container) {
        var resources = container.getResources();
        Quantity limit = resources == null || resources.getLimits() == null ? null : resources.getLimits().get("memory");
        if (limit == null) {
            return defaultMaxHeap;
        }
        BigDecimal bytes = Quantity.getAmountInBytes(limit);
        long mebibytes = Math.max(64, bytes.multiply(BigDecimal.valueOf(0.6)).longValue() / (1024 * 1024));
        return mebibytes + "m";
    }
}
