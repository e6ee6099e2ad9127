package dev.homeostat.operator.scaler;

import io.quarkus.runtime.configuration.ConfigUtils;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Whether this operator replica may act. With leader election active (the profiles listed in
 * {@code quarkus.operator-sdk.activate-leader-election-for-profiles}) only the holder of the Lease acts; the
 * Lease callbacks set and clear it. Without election the single replica always acts.
 */
@ApplicationScoped
public class Leadership {

    private final boolean electionActive;
    private final AtomicBoolean leading = new AtomicBoolean();

    public Leadership() {
        this(electionActiveInThisProfile());
    }

    /** A leadership that follows a Lease ({@code true}, not leading until {@link #started()}) or always leads. */
    Leadership(boolean electionActive) {
        this.electionActive = electionActive;
    }

    private static boolean electionActiveInThisProfile() {
        List<String> profiles = ConfigProvider.getConfig()
                .getOptionalValues("quarkus.operator-sdk.activate-leader-election-for-profiles", String.class)
                .orElse(List.of("prod"));
        return ConfigUtils.getProfiles().stream().anyMatch(profiles::contains);
    }

    /** Whether this replica may collect, decide and act now. */
    public boolean leading() {
        return !electionActive || leading.get();
    }

    /** Called when this replica acquired the Lease. */
    public void started() {
        leading.set(true);
    }

    /** Called when this replica lost the Lease. */
    public void stopped() {
        leading.set(false);
    }
}
