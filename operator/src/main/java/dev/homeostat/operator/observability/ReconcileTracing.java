package dev.homeostat.operator.observability;

import dev.homeostat.operator.api.Workload;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.Callable;

/**
 * Wraps a reconcile in an OpenTelemetry span. With the SDK disabled (the default) the tracer is a no-op;
 * enable it with quarkus.otel.sdk.disabled=false and an OTLP endpoint.
 */
@ApplicationScoped
public class ReconcileTracing {

    private final Tracer tracer;

    @Inject
    public ReconcileTracing(Tracer tracer) {
        this.tracer = tracer;
    }

    /** Runs {@code body} inside a span named "reconcile Kind" carrying the resource's identity. */
    public <T> T traced(Workload workload, Callable<T> body) throws Exception {
        Span span = tracer.spanBuilder("reconcile " + workload.getKind())
                .setAttribute("homeostat.kind", workload.getKind())
                .setAttribute("k8s.namespace.name", String.valueOf(workload.getMetadata().getNamespace()))
                .setAttribute("homeostat.name", workload.getMetadata().getName())
                .setAttribute("homeostat.generation", generation(workload))
                .startSpan();
        try (Scope ignored = span.makeCurrent()) {
            return body.call();
        } catch (Exception e) {
            span.recordException(e);
            span.setStatus(StatusCode.ERROR, String.valueOf(e.getMessage()));
            throw e;
        } finally {
            span.end();
        }
    }

    private static long generation(Workload workload) {
        Long generation = workload.getMetadata().getGeneration();
        return generation == null ? 0 : generation;
    }
}
