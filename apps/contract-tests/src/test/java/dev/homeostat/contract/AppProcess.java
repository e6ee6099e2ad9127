package dev.homeostat.contract;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A packaged app ({@code apps/<dir>/target/quarkus-app/quarkus-run.jar}) running as its own process with exactly
 * the environment it is given (nothing inherited), its output in {@code target/contract-logs/<name>.log}.
 */
final class AppProcess implements AutoCloseable {

    /**
     * What the image's JAVA_OPTS give every app, settings that spare a 2-core machine at start, and Kafka's
     * "ProducerConfig values" log at INFO (Quarkus quiets it), which the durability check reads.
     */
    private static final List<String> JVM_OPTIONS = List.of("-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
            "-Djava.util.logging.manager=org.jboss.logmanager.LogManager", "--add-opens", "java.base/java.lang=ALL-UNNAMED",
            "-Dquarkus.log.category.\"org.apache.kafka.common.config.AbstractConfig\".level=INFO");

    private final String name;
    private final Process process;
    private final Path log;

    private AppProcess(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    /** Starts {@code apps/<appDirectory>} as {@code name} with this environment and no other. */
    static AppProcess start(String name, String appDirectory, Map<String, String> environment) {
        Path jar = repositoryRoot().resolve("apps").resolve(appDirectory).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.isRegularFile(jar)) {
            throw new AssertionError(jar + " is missing: package the apps first (the reactor does it before this module)");
        }
        try {
            Path logs = Files.createDirectories(Path.of("target", "contract-logs"));
            Path log = logs.resolve(name + ".log");
            Path workDir = Files.createDirectories(Path.of("target", "contract-work", name));
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(JVM_OPTIONS);
            command.add("-jar");
            command.add(jar.toString());
            ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().clear();
            builder.environment().putAll(environment);
            return new AppProcess(name, builder.start(), log);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name, e);
        }
    }

    /** The repository root, found upwards from the working directory. */
    static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("examples"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new AssertionError("no examples/ above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }

    /** HTTP status and body of a GET on 127.0.0.1; status -1 while nothing answers. */
    static HttpResponse<String> get(int port, String path) {
        try (HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build()) {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** Status of a GET, -1 when nothing answered. */
    static int status(int port, String path) {
        HttpResponse<String> response = get(port, path);
        return response == null ? -1 : response.statusCode();
    }

    /** Whether the process still runs (an app that exits at start has failed its contract). */
    boolean alive() {
        return process.isAlive();
    }

    /** Everything the app printed so far. */
    String output() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The last lines of the output, for failure messages. */
    String tail() {
        List<String> lines = output().lines().toList();
        return name + " output (last 40 lines):\n" + String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    /** SIGTERM, as Kubernetes stops a pod; SIGKILL if it is still there after 30 s. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
