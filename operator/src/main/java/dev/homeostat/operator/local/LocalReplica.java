package dev.homeostat.operator.local;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * One replica of a Deployment as a local process: its pod name, loopback address and environment, the process
 * itself, restarts after a crash (as a kubelet would with restartPolicy Always), readiness and a graceful stop.
 */
public final class LocalReplica {

    private static final Logger LOG = Logger.getLogger(LocalReplica.class);

    private final String namespace;
    private final String deployment;
    private final String podName;
    private final String templateHash;
    private final String address;
    private final int port;
    private final List<String> command;
    private final Map<String, String> environment;
    private final Path log;
    private final ProcessLauncher launcher;
    private final Instant created = Instant.now();

    private Process process;
    private volatile boolean stopping;
    private volatile boolean ready;
    private volatile int restarts;
    private volatile Instant startedAt;

    LocalReplica(String namespace, String deployment, String podName, String templateHash, String address, int port,
            List<String> command, Map<String, String> environment, Path log, ProcessLauncher launcher) {
        this.namespace = namespace;
        this.deployment = deployment;
        this.podName = podName;
        this.templateHash = templateHash;
        this.address = address;
        this.port = port;
        this.command = List.copyOf(command);
        this.environment = Map.copyOf(environment);
        this.log = log;
        this.launcher = launcher;
    }

    /** Starts the process; called once, and again by {@link #restartIfCrashed()}. */
    synchronized void start() {
        process = launcher.start(command, environment, log);
        startedAt = Instant.now();
        ready = false;
        LOG.debugf("pod %s/%s started as pid %d on %s:%d", namespace, podName, process.pid(), address, port);
    }

    /**
     * Restarts a process that ended without being asked to.
     *
     * @return true when it had crashed and was restarted
     */
    synchronized boolean restartIfCrashed() {
        if (stopping || process == null || process.isAlive()) {
            return false;
        }
        restarts++;
        LOG.warnf("pod %s/%s exited with code %d; restarting (restart %d)", namespace, podName, process.exitValue(), restarts);
        start();
        return true;
    }

    /** SIGTERM, then SIGKILL after {@code grace}; blocks until the process is gone. */
    void stop(Duration grace) {
        Process current;
        synchronized (this) {
            stopping = true;
            ready = false;
            current = process;
        }
        if (current == null || !current.isAlive()) {
            return;
        }
        current.destroy();
        try {
            if (!current.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warnf("pod %s/%s did not stop within %ss of SIGTERM; killing it", namespace, podName, grace.toSeconds());
                current.destroyForcibly();
                current.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            current.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** Kills the process at once (fault injection: a replica that dies). */
    synchronized void kill() {
        if (process != null) {
            process.destroyForcibly();
        }
    }

    void markReady(boolean value) {
        ready = value && !stopping && isAlive();
    }

    boolean isAlive() {
        Process current = process;
        return current != null && current.isAlive();
    }

    /** Process id of the current incarnation, or -1 before the first start. */
    long pid() {
        Process current = process;
        return current == null ? -1 : current.pid();
    }

    public String namespace() { return namespace; }
    public String deployment() { return deployment; }
    public String podName() { return podName; }
    public String templateHash() { return templateHash; }
    public String address() { return address; }
    public int port() { return port; }
    public boolean ready() { return ready; }
    public boolean stopping() { return stopping; }
    public int restarts() { return restarts; }
    public Instant created() { return created; }
    public Instant startedAt() { return startedAt; }
    public Path log() { return log; }
}
