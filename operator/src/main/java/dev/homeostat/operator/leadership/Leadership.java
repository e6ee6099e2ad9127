package dev.homeostat.operator.leadership;

import io.fabric8.kubernetes.client.extended.leaderelection.LeaderCallbacks;
import io.quarkus.runtime.Quarkus;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * This replica's side of leader election: its identity, and what happens when it stops leading.
 *
 * <p>JOSDK 5.2.1 calls {@code System.exit} when leadership ends, also when leadership ends because the operator is
 * already stopping inside a shutdown hook, which deadlocks the JVM (java-operator-sdk #1614, #3376; fixed in 5.3.5,
 * which does not download here). The operator therefore runs election with JOSDK's exit turned off and decides here:
 * losing the Lease while running ends the process (another replica leads now, two must never reconcile at once);
 * stopping leading during shutdown is the normal end and exits nothing.
 */
public final class Leadership {

    private static final Logger LOG = Logger.getLogger(Leadership.class);

    private final String identity;
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final Runnable exit;

    /** Identity from {@code HOSTNAME} (the pod name in a cluster), else a random one; a lost Lease exits Quarkus. */
    public Leadership(Optional<String> hostname) {
        this(hostname.filter(h -> !h.isBlank()).orElseGet(() -> "homeostat-" + UUID.randomUUID()),
                () -> Quarkus.asyncExit(1));
    }

    Leadership(String identity, Runnable exit) {
        this.identity = identity;
        this.exit = exit;
    }

    /** The holder identity this replica writes into the Lease. */
    public String identity() {
        return identity;
    }

    /** Marks the start of a clean shutdown: stopping leading from now on is expected. */
    public void shuttingDown() {
        stopping.set(true);
    }

    /** True once {@link #shuttingDown()} was called. */
    public boolean isShuttingDown() {
        return stopping.get();
    }

    /** Callbacks for JOSDK's elector (it runs them in addition to its own, which start event processing). */
    public LeaderCallbacks callbacks() {
        return new LeaderCallbacks(
                () -> LOG.infof("Leading as %s: reconciling", identity),
                this::stoppedLeading,
                leader -> LOG.debugf("Lease held by %s", leader));
    }

    void stoppedLeading() {
        if (stopping.get()) {
            LOG.infof("Stopped leading as %s because the operator is stopping", identity);
            return;
        }
        LOG.errorf("Lost the Lease as %s while running: exiting so that only the new leader reconciles", identity);
        // Asynchronous on purpose: this runs on the elector's thread, which the shutdown itself will stop.
        exit.run();
    }
}
