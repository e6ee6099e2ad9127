package dev.homeostat.operator.scaler;

import dev.homeostat.ml.policy.Decision;
import dev.homeostat.ml.policy.Figures;
import dev.homeostat.operator.HomeostatConfig;
import dev.homeostat.operator.api.DecisionSource;
import dev.homeostat.operator.api.MicroService;
import dev.homeostat.operator.api.ScalingDecision;
import dev.homeostat.operator.api.ScalingMode;
import dev.homeostat.operator.api.StreamApp;
import dev.homeostat.operator.api.Workload;
import dev.homeostat.operator.reconcile.WorkloadEvents;
import dev.homeostat.operator.telemetry.ScrapeTarget;
import dev.homeostat.operator.telemetry.TelemetryCollector;
import dev.homeostat.operator.telemetry.TelemetryReading;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * The scaler loop, off the reconcile threads: every telemetry interval, for each app, collect a reading, let
 * the app's {@code ops-ml} models learn from it, decide, and (leader only, not Fixed, not shadow) write the
 * decision to spec.replicas through the scale subresource. Readings are evaluated on a small fixed pool, so the
 * loop's CPU is bounded; an app whose previous round is still running skips a round instead of piling up.
 */
@ApplicationScoped
public class ScalerLoop {

    private static final Logger LOG = Logger.getLogger(ScalerLoop.class);

    private final KubernetesClient client;
    private final TelemetryCollector collector;
    private final HomeostatConfig config;
    private final Clock clock;
    private final Leadership leadership;
    private final ScalerViews views;
    private final WorkloadEvents events;
    private final ScalerMetrics metrics;
    private final ModelStore store;
    private final ScaleActuator actuator;
    private final AppEvaluator evaluator;
    private final ScalerSettings settings;
    private final Map<String, AppState> states = new ConcurrentHashMap<>();
    private ScheduledExecutorService scheduler;
    private ExecutorService workers;

    /** One app's models and round bookkeeping. */
    private static final class AppState {
        final AtomicBoolean busy = new AtomicBoolean();
        AppModels models;
        ScrapeTarget target;
        Optional<ScalingDecision> lastChange = Optional.empty();
        String digest = "";
        Instant savedAt = Instant.MIN;
    }

    @Inject
    public ScalerLoop(KubernetesClient client, TelemetryCollector collector, HomeostatConfig config, Clock clock,
                      Leadership leadership, ScalerViews views, WorkloadEvents events, MeterRegistry registry) {
        this.client = client;
        this.collector = collector;
        this.config = config;
        this.clock = clock;
        this.leadership = leadership;
        this.views = views;
        this.events = events;
        this.metrics = new ScalerMetrics(registry);
        this.store = new ModelStore(client, config.scaler().stateMaxBytes());
        this.actuator = new ScaleActuator(client);
        this.settings = ScalerSettings.of(config);
        this.evaluator = new AppEvaluator(settings);
    }

    void start(@Observes StartupEvent event) {
        if (!config.scaler().enabled()) {
            LOG.info("scaler loop disabled (homeostat.scaler.enabled=false): replicas follow spec.replicas");
            return;
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("homeostat-scaler").daemon().factory());
        workers = Executors.newFixedThreadPool(Math.max(1, config.scaler().threads()),
                Thread.ofPlatform().name("homeostat-scaler-eval-", 0).daemon().factory());
        long period = settings.interval().toMillis();
        scheduler.scheduleWithFixedDelay(this::tick, period, period, TimeUnit.MILLISECONDS);
        views.running(true);
    }

    void stop(@Observes ShutdownEvent event) {
        views.running(false);
        if (scheduler != null) {
            scheduler.shutdownNow();
            workers.shutdownNow();
        }
    }

    /** Whether the loop runs (false when disabled by configuration). */
    public boolean running() {
        return scheduler != null && !scheduler.isShutdown();
    }

    /** One round over every app; never throws (a failure is logged and the next round tries again). */
    void tick() {
        try {
            if (!leadership.leading()) {
                return;
            }
            Instant now = clock.instant();
            List<Workload> apps = new ArrayList<>();
            apps.addAll(client.resources(StreamApp.class).inAnyNamespace().list().getItems());
            apps.addAll(client.resources(MicroService.class).inAnyNamespace().list().getItems());
            Set<String> present = new HashSet<>();
            for (Workload app : apps) {
                String key = ScalerViews.key(app);
                present.add(key);
                AppState state = states.computeIfAbsent(key, k -> new AppState());
                if (state.busy.compareAndSet(false, true)) {
                    round(state, app, now);
                }
            }
            for (String key : List.copyOf(states.keySet())) {
                if (!present.contains(key)) {
                    forget(key);
                }
            }
        } catch (RuntimeException e) {
            LOG.warnf("scaler round failed, retrying next interval: %s", e.toString());
        }
    }

    private void round(AppState state, Workload app, Instant now) {
        try {
            ScrapeTarget target = ScrapeTargets.of(app, client);
            state.target = target;
            Duration timeout = settings.interval().multipliedBy(2);
            collector.collect(target, now).toCompletableFuture()
                    .orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                    .whenCompleteAsync((reading, failure) -> finish(state, app, reading, failure, now), workers);
        } catch (RuntimeException e) {
            workers.execute(() -> finish(state, app, null, e, now));
        }
    }

    private void finish(AppState state, Workload app, TelemetryReading reading, Throwable failure, Instant now) {
        try {
            if (state.models == null) {
                state.models = restore(app);
            }
            Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
            Evaluation e = evaluator.evaluate(app, state.models, reading, cause, now);
            if (LOG.isDebugEnabled()) {
                LOG.debugf("%s: %s -> %d (%s) missing=[%s] sample=%s", ScalerViews.key(app), e.from(), e.to(),
                        e.decision().map(d -> d.reason().term() + " " + d.reason().detail()).orElse("no decision"),
                        e.missing(), reading == null ? "none" : reading.sample());
            }
            boolean changed = false;
            if (e.applies() && leadership.leading()) {
                ScalingDecision decision = decision(e, true);
                Optional<ScalingDecision> before = state.lastChange;
                // Published before the write, so the reconcile the new spec.replicas triggers explains it.
                state.lastChange = Optional.of(decision);
                views.publish(app, new ScalerViews.AppView(e, state.lastChange));
                try {
                    actuator.scale(app, e.to());
                } catch (RuntimeException ex) {
                    state.lastChange = before;
                    views.publish(app, new ScalerViews.AppView(e, before));
                    throw ex;
                }
                metrics.applied(app, e.to() > e.from());
                events.record(client, app, "Normal", e.to() > e.from() ? "ScaledUp" : "ScaledDown",
                        "from " + e.from() + " to " + e.to() + " replicas: " + decision.getExplanation());
                changed = true;
            } else if (e.shadow() && e.decision().isPresent() && e.to() != e.from()) {
                state.lastChange = Optional.of(decision(e, false));
            }
            metrics.record(app, e, AppEvaluator.slo(app));
            String digest = digest(e, state.lastChange);
            if (!digest.equals(state.digest)) {
                state.digest = digest;
                views.publish(app, new ScalerViews.AppView(e, state.lastChange));
            }
            if (changed || !now.isBefore(state.savedAt.plus(config.scaler().persistInterval()))) {
                state.savedAt = now;
                store.save(app, state.models.snapshot());
            }
        } catch (RuntimeException ex) {
            LOG.warnf("evaluating %s failed: %s", ScalerViews.key(app), ex.toString());
        } finally {
            state.busy.set(false);
        }
    }

    /** Restores the app's models from its state ConfigMap; a refused snapshot is reported and replaced by fresh models. */
    private AppModels restore(Workload app) {
        String key = ScalerViews.key(app);
        int history = config.scaler().historySamples();
        double threshold = config.scaler().anomalyThreshold();
        ModelStore.Restored restored;
        try {
            restored = store.load(app);
        } catch (RuntimeException e) {
            restored = new ModelStore.Restored(Optional.empty(), "could not read: " + e.getMessage());
        }
        if (!restored.refused().isEmpty()) {
            LOG.warnf("discarding the stored models of %s: %s", key, restored.refused());
            events.record(client, app, "Warning", "ModelStateDiscarded",
                    "stored models discarded, learning afresh: " + restored.refused());
        }
        return restored.snapshot()
                .map(s -> AppModels.restored(key, s, history, threshold))
                .orElseGet(() -> AppModels.fresh(key, settings, history, threshold));
    }

    private void forget(String key) {
        AppState state = states.remove(key);
        if (state != null && state.target != null) {
            collector.forget(state.target);
        }
        metrics.forget(key);
        views.forget(key);
    }

    /** What must change for the status to be rewritten: the outcome, not every figure of every round. */
    private static String digest(Evaluation e, Optional<ScalingDecision> change) {
        String term = e.decision().map(d -> d.reason().term() + "/" + d.reason().detail()).orElse("");
        return term + "|" + e.from() + "|" + e.to() + "|" + e.missing() + "|"
                + e.anomaly().map(AnomalyWatch.Finding::signal).orElse("") + "|" + e.scalingWillNotHelp() + "|"
                + e.forecasterReady() + "|" + e.capacity().known() + "|" + Double.isFinite(e.timeToOomSeconds())
                + "|" + change.map(ScalingDecision::getTime).orElse("");
    }

    /** The status record of a decision. */
    static ScalingDecision decision(Evaluation e, boolean applied) {
        Decision d = e.decision().orElseThrow();
        Figures f = d.reason().figures();
        String text = d.reason().message() + (applied ? "" : " Shadow mode: not applied.");
        var out = new ScalingDecision(e.mode() == ScalingMode.Predictive ? DecisionSource.Predictive : DecisionSource.Reactive,
                e.from(), e.to(), e.at().truncatedTo(ChronoUnit.SECONDS).toString(), text);
        out.setTerm(termName(d));
        out.setApplied(applied);
        out.setArrivalRate(finite(f.arrivalRate()));
        out.setForecastArrivalRate(finite(f.forecastPoint()));
        out.setForecastUpperArrivalRate(finite(f.forecastUpper()));
        out.setCapacityPerReplica(finite(f.perReplicaRate()));
        out.setLagRecords(finite(f.lagRecords()));
        out.setLagSeconds(finite(f.timeLagSeconds()));
        return out;
    }

    /** The term in the API's PascalCase, e.g. LAG_DRAIN → LagDrain. */
    static String termName(Decision d) {
        StringBuilder out = new StringBuilder();
        for (String part : d.reason().term().name().split("_")) {
            out.append(part.charAt(0)).append(part.substring(1).toLowerCase(java.util.Locale.ROOT));
        }
        return out.toString();
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? Math.round(v * 1000) / 1000.0 : null;
    }
}
