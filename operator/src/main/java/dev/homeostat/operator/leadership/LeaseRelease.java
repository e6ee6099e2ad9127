package dev.homeostat.operator.leadership;

import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.ZonedDateTime;
import java.time.ZoneOffset;
import org.jboss.logging.Logger;

/**
 * Hands the Lease back when the operator stops, so a standby takes over at its next try instead of waiting out the
 * lease duration. JOSDK 5.2.1 builds its elector with release-on-cancel off, so nobody else does this.
 */
public final class LeaseRelease {

    private static final Logger LOG = Logger.getLogger(LeaseRelease.class);

    private final KubernetesClient client;

    public LeaseRelease(KubernetesClient client) {
        this.client = client;
    }

    /**
     * Clears the holder of {@code namespace/name} if {@code identity} holds it, the way client-go releases a Lease
     * (no holder, a one-second duration). Never throws: at shutdown the API server may be gone.
     *
     * @return true if the Lease was released
     */
    public boolean release(String namespace, String name, String identity) {
        try {
            var leases = client.leases().inNamespace(namespace).withName(name);
            Lease lease = leases.get();
            if (lease == null || lease.getSpec() == null || !identity.equals(lease.getSpec().getHolderIdentity())) {
                return false;
            }
            ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC);
            lease.getSpec().setHolderIdentity(null);
            lease.getSpec().setLeaseDurationSeconds(1);
            lease.getSpec().setRenewTime(now);
            // Optimistic locking on the resourceVersion we read: if someone else wrote it meanwhile, it is not ours.
            client.leases().inNamespace(namespace).resource(lease).update();
            LOG.infof("Released Lease %s/%s held by %s", namespace, name, identity);
            return true;
        } catch (KubernetesClientException e) {
            LOG.warnf("Could not release Lease %s/%s: %s", namespace, name, e.getMessage());
            return false;
        }
    }
}
