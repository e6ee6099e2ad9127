package dev.homeostat.apps.tradesignals;

import dev.homeostat.apps.faults.HeapGrowthFault;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Optional;
import org.jboss.logging.Logger;

/** Turns on the demo heap leak when {@value HeapGrowthFault#ENV} is set (docs/apps.md, "Fault switches"); off by default. */
@ApplicationScoped
class HeapGrowthFaultSwitch {

    private static final Logger LOG = Logger.getLogger(HeapGrowthFaultSwitch.class);

    private Optional<HeapGrowthFault> fault = Optional.empty();

    void onStart(@Observes StartupEvent event) {
        fault = HeapGrowthFault.fromEnvironment(System.getenv());
        fault.ifPresent(f -> {
            LOG.warnf("%s is set: %s (a demo fault; the heap grows until then)", HeapGrowthFault.ENV, f);
            f.start();
        });
    }

    void onStop(@Observes ShutdownEvent event) {
        fault.ifPresent(HeapGrowthFault::close);
    }
}
