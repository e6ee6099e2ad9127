package dev.homeostat.apps.tradesignals.benchmark;

import java.lang.management.ManagementFactory;

/**
 * One timed pass over the backlog: wall time and the JVM's CPU time (the in-JVM broker included, the
 * same for both consumers), hence records per second and records per CPU-second ("per core").
 *
 * @param name       what was measured
 * @param records    records consumed
 * @param wallNanos  wall time
 * @param cpuNanos   process CPU time over the same interval
 */
record Measurement(String name, long records, long wallNanos, long cpuNanos) {

    /**
     * Milliseconds the JIT compilers have spent so far. Printed per pass because compilation is counted
     * in the process CPU time: code first run during a pass (the app's, or domain code shared with a
     * later pass) is compiled on that pass's bill.
     */
    static long jitMillis() {
        return ManagementFactory.getCompilationMXBean().getTotalCompilationTime();
    }

    /** Process CPU time so far, in nanoseconds. */
    static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    double recordsPerSecond() {
        return records / (wallNanos / 1e9);
    }

    double recordsPerCpuSecond() {
        return records / (cpuNanos / 1e9);
    }

    String line() {
        return String.format("%-34s %,11d records %7.2f s wall %9.0f rec/s %7.2f CPU-s %9.0f rec/CPU-s",
                name, records, wallNanos / 1e9, recordsPerSecond(), cpuNanos / 1e9, recordsPerCpuSecond());
    }
}
