package dev.homeostat.operator.local;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.homeostat.operator.api.ConditionTypes;
import dev.homeostat.operator.api.StreamApp;
import dev.homeostat.operator.model.Conditions;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.common.http.TestHTTPResource;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import jakarta.inject.Inject;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * Local mode with {@code --inject memory-leak}: the heap fault is switched on in trade-signals' spec.env, the operator
 * rolls it out to a new real process whose heap then grows, and the operator's time-to-out-of-memory model raises
 * {@code OutOfMemoryPredicted} before the heap is full; the live view, the web page (in a real headless Chromium,
 * where Debian's chromium is installed) and the summary show it. Needs the app jars.
 */
@QuarkusTest
@TestProfile(LocalModeMemoryLeakTest.LeakRun.class)
@WithKubernetesTestServer(crud = true)
class LocalModeMemoryLeakTest {

    /** Local mode on, a light load, the leak injected at 15 % of a 4-minute run. */
    public static class LeakRun implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // The end-to-end run's settings (loop timings, examples), with this run's flags and namespace.
            var overrides = new HashMap<>(new LocalModeRunTest.LocalRun().getConfigOverrides());
            overrides.put("homeostat.local.flags", "--trace src/test/resources/local-mode/burst.csv --compress 180 "
                    + "--peak-rate 1000 --duration 240s --inject memory-leak=1Mi");
            overrides.put("homeostat.embedded.namespace", "local-leak");
            return overrides;
        }
    }

    @Inject
    KubernetesClient client;

    @Inject
    MeterRegistry registry;

    @Inject
    LocalMode local;

    @TestHTTPResource("/local/")
    URL page;

    static LocalMode started;

    @AfterAll
    static void nothingLeft() {
        if (started != null) {
            started.finish();
        }
    }

    @Test
    void theLeakIsRolledOutAndPredictedBeforeTheHeapIsFull() {
        assumeTrue(Files.isRegularFile(Path.of("../apps/trade-signals/target/quarkus-app/quarkus-run.jar")),
                "app jars not built: run the reactor (./mvnw package) first");
        started = local;
        assertTrue(local.active(), "local mode did not start");

        // when the fault is injected, it is in the custom resource's env, as a user would set it
        await("memory-leak injected").atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(2))
                .until(() -> local.injectedSoFar().stream().anyMatch(s -> s.startsWith("memory-leak: ")));
        StreamApp app = client.resources(StreamApp.class).inNamespace("local-leak").withName("trade-signals").get();
        assertTrue(app.getSpec().getEnv().stream().anyMatch(v -> v.getName().equals(FaultInjector.HEAP_GROWTH_ENV)
                && v.getValue().equals("1Mi")), "spec.env: " + app.getSpec().getEnv());

        // then the operator predicts the out-of-memory from the rolled-out replica's heap trend
        await("OutOfMemoryPredicted").atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofSeconds(2)).until(() -> {
            var status = client.resources(StreamApp.class).inNamespace("local-leak").withName("trade-signals").get().getStatus();
            return status != null && Conditions.find(status.getConditions(), ConditionTypes.OUT_OF_MEMORY_PREDICTED)
                    .filter(c -> "True".equals(c.getStatus()) && "HeapTrend".equals(c.getReason())).isPresent();
        });
        var timeToOom = registry.find("homeostat.time.to.oom.seconds").tag("app", "trade-signals").gauge();
        assertTrue(timeToOom != null && timeToOom.value() > 0, "homeostat_time_to_oom_seconds published");
        await("the live view shows a time to OOM").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1))
                .until(() -> LiveView.render(local.tracks()).stream()
                        .anyMatch(l -> l.startsWith("trade-signals") && !l.endsWith(" -")));
        System.out.println(String.join("\n", LiveView.render(local.tracks())));
        if (LocalPage.available()) {
            pageShowsTheTimeToOom();
        }

        RunSummary summary = local.finish().orElseThrow();
        System.out.println(summary.render());
        var trade = summary.apps().stream().filter(a -> a.name().equals("trade-signals")).findFirst().orElseThrow();
        assertTrue(trade.oomWarnings().stream().anyMatch(w -> w.startsWith("HeapTrend: ")), "warnings: " + trade.oomWarnings());
        assertEquals(0, summary.recordsLost(), "records lost: " + summary.render());
        assertEquals(0, summary.processesLeft(), "processes left running");
        for (long pid : local.runtime().startedPids()) {
            assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "process " + pid + " still alive");
        }
    }

    /** The web page shows trade-signals' predicted time to out-of-memory, as the terminal's OOM-IN column does. */
    private void pageShowsTheTimeToOom() {
        try (LocalPage browser = new LocalPage(page)) {
            var shown = By.cssSelector("#app-trade-signals .oom-in");
            browser.awaitUntil("the page shows a time to OOM", Duration.ofSeconds(30), () ->
                    !browser.driver.findElements(shown).isEmpty()
                            && !browser.driver.findElement(shown).getText().equals("-"));
            var element = browser.driver.findElement(shown);
            String text = element.getText();
            double seconds = Double.parseDouble(element.getAttribute("data-seconds"));
            System.out.println("page: trade-signals predicted time to out-of-memory " + text + " (" + seconds + " s)");
            // the page's text is the column's format of the figure it was sent (both change every second)
            assertEquals(LiveView.timeToOom(seconds), text);
            assertTrue(seconds > 0, "seconds " + seconds);
            String terminal = LiveView.render(local.tracks()).stream().filter(l -> l.startsWith("trade-signals"))
                    .findFirst().orElseThrow();
            assertFalse(terminal.endsWith(" -"), "the terminal shows one too: " + terminal);
            var errors = browser.errors();
            assertTrue(errors.isEmpty(), "console errors: " + errors);
        }
    }
}
