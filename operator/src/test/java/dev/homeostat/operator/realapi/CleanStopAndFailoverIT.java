package dev.homeostat.operator.realapi;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Two replicas of the packaged operator with leader election, as the chart runs them: the leader stops on SIGTERM
 * and hands its Lease back, the standby takes over, and a leader whose API server is gone still stops on SIGTERM.
 * The limits are the lease duration: before the fix the process never exited (JOSDK 5.2.1 deadlock), so any bound
 * tells the two apart; the measured times are printed.
 */
@RealApiTier
class CleanStopAndFailoverIT {

    private static final Duration LEASE_DURATION = Duration.ofSeconds(15);
    private static final Duration STARTUP = Duration.ofSeconds(120);

    @Test
    void leaderStopsOnSigtermReleasesItsLeaseAndTheStandbyTakesOver() throws Exception {
        InstalledOperator chart = InstalledOperator.get();
        Map<String, String> settings = Map.of();
        try (KubernetesClient admin = Cluster.admin();
                OperatorProcess first = OperatorProcess.start(chart, "homeostat-a", settings)) {
            await().atMost(STARTUP).until(() -> holder(admin, chart).orElse(""), "homeostat-a"::equals);
            try (OperatorProcess second = OperatorProcess.start(chart, "homeostat-b", settings)) {
                await().atMost(STARTUP).until(second::started);
                assertEquals("homeostat-a", holder(admin, chart).orElseThrow(), "the standby must not take the Lease");

                Duration stopped = first.terminate(LEASE_DURATION);
                assertNotNull(stopped, "the leader did not exit within " + LEASE_DURATION + " of SIGTERM");
                long exitedAt = System.nanoTime();
                assertNotEquals(Optional.of("homeostat-a"), holder(admin, chart), "the Lease was not released");

                await().atMost(LEASE_DURATION).pollInterval(Duration.ofMillis(100))
                        .until(() -> holder(admin, chart).orElse(""), "homeostat-b"::equals);
                Duration takeover = Duration.ofNanos(System.nanoTime() - exitedAt);

                second.cutApiServer();
                Duration stoppedAlone = second.terminate(LEASE_DURATION);
                assertNotNull(stoppedAlone, "without its API server the operator did not exit within "
                        + LEASE_DURATION + " of SIGTERM");
                System.out.printf(Locale.ROOT, "clean stop: leader exited %.1f s after SIGTERM and released its Lease;"
                        + " standby leading %.1f s later (lease duration %d s); without its API server: exited %.1f s"
                        + " after SIGTERM%n", seconds(stopped), seconds(takeover), LEASE_DURATION.toSeconds(),
                        seconds(stoppedAlone));
            }
        }
    }

    private static Optional<String> holder(KubernetesClient admin, InstalledOperator chart) {
        String name = chart.env().getOrDefault("HOMEOSTAT_LEADER_ELECTION_LEASE_NAME", "homeostat-operator");
        Lease lease = admin.leases().inNamespace(chart.namespace()).withName(name).get();
        return Optional.ofNullable(lease).map(l -> l.getSpec().getHolderIdentity()).filter(h -> !h.isEmpty());
    }

    private static double seconds(Duration d) {
        return d.toMillis() / 1000.0;
    }
}
