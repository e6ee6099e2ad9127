package dev.homeostat.kafka.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Quarkus app jar run as a real child process, the way a pod runs it: started with system
 * properties, its output in a log file, stopped with SIGTERM ({@link Process#destroy()} on Linux).
 */
public final class AppProcess implements AutoCloseable {

    /** Kubernetes' default {@code terminationGracePeriodSeconds}: after it the kubelet sends SIGKILL. */
    public static final Duration KUBERNETES_GRACE = Duration.ofSeconds(30);

    private static final Pattern LISTENING = Pattern.compile("Listening on: http://[^:\\s]+:(\\d+)");

    private final Process process;
    private final Path log;

    private AppProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** Starts {@code java -D… -jar jar}, with the JDK running this test, output to {@code log}. */
    public static AppProcess start(Path jar, Map<String, String> properties, Path log) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx256m");
        properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add("-jar");
        command.add(jar.toAbsolutePath().toString());
        try {
            Files.createDirectories(log.toAbsolutePath().getParent());
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            return new AppProcess(process, log);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + jar, e);
        }
    }

    /** Waits until the log holds {@code text}; fails with the log if the process ends or time runs out. */
    public void awaitLog(String text, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!log().contains(text)) {
            if (!process.isAlive()) {
                throw new AssertionError("the app exited (" + process.exitValue() + ") before logging '" + text
                        + "':\n" + log());
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no '" + text + "' in the app's log within " + timeout + ":\n" + log());
            }
            Thread.sleep(100);
        }
    }

    /**
     * Sends SIGTERM and waits up to {@code limit} for the process to exit. Returns how long it took, or
     * null when it was still running at the limit (it is then killed, as the kubelet would).
     */
    public Duration terminate(Duration limit) throws InterruptedException {
        long started = System.nanoTime();
        process.destroy();
        boolean exited = process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS);
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        if (!exited) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            return null;
        }
        return took;
    }

    /** The HTTP port Quarkus logged ({@code Listening on: http://host:port}); start with port 0 for a free one. */
    public int httpPort() {
        Matcher matcher = LISTENING.matcher(log());
        if (!matcher.find()) {
            throw new AssertionError("the app has not logged its HTTP port yet:\n" + log());
        }
        return Integer.parseInt(matcher.group(1));
    }

    /** Waits for the process to end by itself (after SIGTERM); true if it did within {@code timeout}. */
    public boolean awaitExit(Duration timeout) throws InterruptedException {
        return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The process' output so far. */
    public String log() {
        try {
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            return "(log unreadable: " + e + ")";
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
