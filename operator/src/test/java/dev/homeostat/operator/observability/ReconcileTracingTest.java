package dev.homeostat.operator.observability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.homeostat.operator.Examples;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The reconcile span: its name, the resource's identity as attributes, and failures recorded on it. */
class ReconcileTracingTest {

    @Test
    void aReconcileIsOneSpanAndAFailureMarksItAsError() throws Exception {
        // given a tracer whose finished spans land in a list
        var finished = new ArrayList<SpanData>();
        try (var provider = SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(collectingInto(finished))).build()) {
            var tracing = new ReconcileTracing(provider.get("test"));
            var app = Examples.streamApp("fraud-scoring", "risk");

            // when one reconcile succeeds and one fails
            String result = tracing.traced(app, () -> "done");
            assertThrows(IllegalStateException.class, () -> tracing.traced(app, () -> {
                throw new IllegalStateException("boom");
            }));

            // then
            assertEquals("done", result);
            assertEquals(2, finished.size());
            var ok = finished.getFirst();
            assertEquals("reconcile StreamApp", ok.getName());
            assertEquals("fraud-scoring", ok.getAttributes().get(AttributeKey.stringKey("homeostat.name")));
            assertEquals("risk", ok.getAttributes().get(AttributeKey.stringKey("k8s.namespace.name")));
            assertEquals(1L, ok.getAttributes().get(AttributeKey.longKey("homeostat.generation")));
            assertEquals(StatusCode.UNSET, ok.getStatus().getStatusCode());
            var failed = finished.get(1);
            assertEquals(StatusCode.ERROR, failed.getStatus().getStatusCode());
            assertEquals("boom", failed.getStatus().getDescription());
            assertEquals(List.of("exception"), failed.getEvents().stream().map(e -> e.getName()).toList());
        }
    }

    private static SpanExporter collectingInto(List<SpanData> sink) {
        return new SpanExporter() {
            @Override
            public CompletableResultCode export(Collection<SpanData> spans) {
                sink.addAll(spans);
                return CompletableResultCode.ofSuccess();
            }

            @Override
            public CompletableResultCode flush() {
                return CompletableResultCode.ofSuccess();
            }

            @Override
            public CompletableResultCode shutdown() {
                return CompletableResultCode.ofSuccess();
            }
        };
    }
}
