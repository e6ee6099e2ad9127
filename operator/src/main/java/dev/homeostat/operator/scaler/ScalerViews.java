package dev.homeostat.operator.scaler;

import dev.homeostat.operator.HomeostatConfig;
import dev.homeostat.operator.api.MicroService;
import dev.homeostat.operator.api.ScalingDecision;
import dev.homeostat.operator.api.StreamApp;
import dev.homeostat.operator.api.Workload;
import dev.homeostat.operator.model.ScalerFindings;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.inbound.SimpleInboundEventSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The scaler loop's latest view of each app, which the reconciler turns into status (the reconciler stays the
 * only status writer), and the event sources through which the loop asks for that reconcile.
 */
@ApplicationScoped
public class ScalerViews {

    /**
     * What the status shows of the scaler for one app.
     *
     * @param latest     the latest evaluation
     * @param lastChange the latest decision that changed (or, in shadow mode, would have changed) the replicas
     */
    public record AppView(Evaluation latest, Optional<ScalingDecision> lastChange) {
    }

    private final Map<String, AppView> views = new ConcurrentHashMap<>();
    private final HomeostatConfig config;
    private volatile boolean running;

    @Inject
    public ScalerViews(HomeostatConfig config) {
        this.config = config;
    }
    private final SimpleInboundEventSource<StreamApp> streamApps = new SimpleInboundEventSource<>("scaler-streamapp");
    private final SimpleInboundEventSource<MicroService> microServices = new SimpleInboundEventSource<>("scaler-microservice");

    /** The event source StreamApp reconciles are triggered through. */
    public SimpleInboundEventSource<StreamApp> streamAppSource() {
        return streamApps;
    }

    /** The event source MicroService reconciles are triggered through. */
    public SimpleInboundEventSource<MicroService> microServiceSource() {
        return microServices;
    }

    /** The view of {@code app}, if the loop has evaluated it. */
    public Optional<AppView> of(Workload app) {
        return Optional.ofNullable(views.get(key(app)));
    }

    /** Called by the loop when it starts or stops, so the status can say whether a scaler runs. */
    void running(boolean value) {
        running = value;
    }

    /** What the status should say of the scaler for {@code app}. */
    public ScalerFindings findings(Workload app) {
        Optional<AppView> view = of(app);
        return new ScalerFindings(running, view.flatMap(AppView::lastChange),
                view.map(v -> StatusWords.latest(v.latest(), config.scaler().anomalyThreshold(),
                        config.scaler().oomWarning(), config.scaler().forecastMinSamples())));
    }

    /** Stores a new view and asks for a reconcile of {@code app} so its status shows it. */
    void publish(Workload app, AppView view) {
        views.put(key(app), view);
        ResourceID id = ResourceID.fromResource(app);
        try {
            if (app instanceof StreamApp) {
                streamApps.propagateEvent(id);
            } else {
                microServices.propagateEvent(id);
            }
        } catch (RuntimeException e) {
            // Not started yet (operator starting or stopping): the next reconcile shows the view anyway.
        }
    }

    /** Drops the view of an app that is gone. */
    void forget(String key) {
        views.remove(key);
    }

    static String key(Workload app) {
        return app.getMetadata().getNamespace() + "/" + app.getMetadata().getName();
    }
}
