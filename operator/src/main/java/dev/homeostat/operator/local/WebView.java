package dev.homeostat.operator.local;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Serves the recorded series of a local run as JSON at {@code /local/api/run} for the page at {@code /local/}
 * (META-INF/resources/local, charts drawn with uPlot from its webjar). Answers 404 when local mode is not running.
 */
@Singleton
public class WebView {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final LocalMode local;

    public WebView(LocalMode local) {
        this.local = local;
    }

    void routes(@Observes Router router) {
        router.get("/local/api/run").handler(this::run);
    }

    private void run(RoutingContext context) {
        if (!local.active()) {
            context.response().setStatusCode(404).end("local mode is not running");
            return;
        }
        try {
            context.response().putHeader("Content-Type", "application/json")
                    .putHeader("Cache-Control", "no-store")
                    .end(JSON.writeValueAsString(body()));
        } catch (JsonProcessingException e) {
            context.fail(e);
        }
    }

    private Map<String, Object> body() {
        var apps = new ArrayList<Map<String, Object>>();
        for (AppTrack track : local.tracks()) {
            List<AppPoint> points = track.points();
            var app = new LinkedHashMap<String, Object>();
            app.put("name", track.name);
            app.put("kind", track.kind);
            app.put("sloLagSeconds", track.sloLagSeconds);
            app.put("t", points.stream().map(p -> p.epochMillis() / 1000.0).toList());
            app.put("rateIn", values(points, AppPoint::rateIn));
            app.put("processed", values(points, AppPoint::processed));
            app.put("lag", values(points, AppPoint::lag));
            app.put("ready", points.stream().map(AppPoint::ready).toList());
            app.put("desired", points.stream().map(AppPoint::desired).toList());
            app.put("forecast", values(points, AppPoint::forecast));
            app.put("anomaly", values(points, AppPoint::anomaly));
            app.put("decisions", track.decisionsFromStatus());
            app.put("anomalies", track.anomalies().stream().map(RunSummary.Anomaly::describe).toList());
            // The same figure and text as the terminal's OOM-IN column, so the page and the live view agree.
            double oom = track.timeToOomSeconds();
            app.put("timeToOomSeconds", Double.isFinite(oom) ? oom : null);
            app.put("timeToOom", LiveView.timeToOom(oom));
            apps.add(app);
        }
        var body = new LinkedHashMap<String, Object>();
        body.put("apps", apps);
        body.put("summary", local.summary().orElse(null));
        return body;
    }

    /** NaN (not measured) becomes null, which JSON has and the charts draw as a gap. */
    private static List<Double> values(List<AppPoint> points, java.util.function.ToDoubleFunction<AppPoint> field) {
        return points.stream().map(p -> {
            double v = field.applyAsDouble(p);
            return Double.isNaN(v) || Double.isInfinite(v) ? null : v;
        }).toList();
    }
}
