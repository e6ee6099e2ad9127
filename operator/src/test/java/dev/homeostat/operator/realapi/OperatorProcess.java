package dev.homeostat.operator.realapi;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged operator ({@code quarkus-run.jar}) as a separate process, with the chart's settings and JVM options,
 * acting as the chart's ServiceAccount, talking to the API server through its own {@link TcpRelay}.
 */
final class OperatorProcess implements AutoCloseable {

    private final String identity;
    private final Process process;
    private final TcpRelay relay;
    private final Path log;

    private OperatorProcess(String identity, Process process, TcpRelay relay, Path log) {
        this.identity = identity;
        this.process = process;
        this.relay = relay;
        this.log = log;
    }

    /** Starts the operator as {@code identity} (its HOSTNAME, hence its Lease holder identity). */
    static OperatorProcess start(InstalledOperator chart, String identity, Map<String, String> extraEnv)
            throws IOException {
        java.net.URI server;
        try (var admin = Cluster.admin()) {
            server = java.net.URI.create(admin.getConfiguration().getMasterUrl());
        }
        TcpRelay relay = new TcpRelay(server.getHost(), server.getPort());
        Path dir = Files.createDirectories(Path.of("target", "realapi"));
        String kubeconfig = Files.readString(Cluster.kubeconfig().orElseThrow())
                .replace(server.getHost() + ":" + server.getPort(), "127.0.0.1:" + relay.port());
        Path relayed = Files.writeString(dir.resolve(identity + ".kubeconfig"), kubeconfig);

        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Dkubernetes.impersonate.username=" + chart.user());
        command.add("-Dquarkus.http.host=127.0.0.1");
        command.add("-Dquarkus.http.port=0");
        command.add("-jar");
        command.add(operatorJar().toString());
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(chart.env());
        builder.environment().putIfAbsent("QUARKUS_OPERATOR_SDK_NAMESPACES", chart.watchedNamespace());
        builder.environment().putIfAbsent("HOMEOSTAT_LEADER_ELECTION_LEASE_NAMESPACE", chart.namespace());
        builder.environment().putAll(extraEnv);
        builder.environment().put("KUBECONFIG", relayed.toString());
        builder.environment().put("HOSTNAME", identity);
        Path log = dir.resolve(identity + ".log");
        builder.redirectErrorStream(true).redirectOutput(log.toFile());
        return new OperatorProcess(identity, builder.start(), relay, log);
    }

    static Path operatorJar() {
        Path jar = Path.of(System.getProperty("realapi.operator-jar", "target/quarkus-app/quarkus-run.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: package the operator first");
        }
        return jar;
    }

    String identity() {
        return identity;
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Resident set size now and at its peak, in KiB, from /proc. */
    long[] rssAndPeakKiB() throws IOException {
        long rss = -1;
        long peak = -1;
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid()), "status"))) {
            if (line.startsWith("VmRSS:")) {
                rss = Long.parseLong(line.replaceAll("\\D", ""));
            } else if (line.startsWith("VmHWM:")) {
                peak = Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        return new long[] {rss, peak};
    }

    /** True once the log says Quarkus started. */
    boolean started() throws IOException {
        return Files.exists(log) && Files.readString(log).contains(" started in ");
    }

    String logText() throws IOException {
        return Files.readString(log);
    }

    /** Takes the API server away from this process only. */
    void cutApiServer() {
        relay.close();
    }

    /**
     * Sends SIGTERM and waits up to {@code limit} for the process to end.
     *
     * @return how long it took, or null if it was still running at the limit
     */
    Duration terminate(Duration limit) throws InterruptedException {
        long start = System.nanoTime();
        process.destroy(); // SIGTERM on Linux
        if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
            return null;
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }

    @Override
    public void close() {
        process.destroyForcibly();
        relay.close();
    }
}
