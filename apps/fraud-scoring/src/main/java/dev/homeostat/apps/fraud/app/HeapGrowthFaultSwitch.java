package dev.homeostat.apps.fraud.app;

import dev.homeostat.apps.faults.HeapGrowthFault;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Optional;
import org.jboss.logging.Logger;

/** The demo heap leak, on only when {@value HeapGrowthFault#ENV} is set (docs/apps.md, "Fault switches"). */
@ApplicationScoped
class HeapGrowthFaultSwitch {

    private Optional<HeapGrowthFault> fault = Optional.empty();

    void onStart(@Observes StartupEvent event) {
        fault = HeapGrowthFault.startIfRequested(System.getenv(), Logger.getLogger(HeapGrowthFaultSwitch.class)::warn);
    }

    void onStop(@Observes ShutdownEvent event) {
        fault.ifPresent(HeapGrowthFault::close);
    }
}
