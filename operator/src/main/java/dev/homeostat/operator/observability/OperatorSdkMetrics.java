package dev.homeostat.operator.observability;

import io.javaoperatorsdk.operator.api.monitoring.Metrics;
import io.javaoperatorsdk.operator.monitoring.micrometer.MicrometerMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * Gives the Java Operator SDK its reconcile metrics on the operator's Micrometer registry, built from the registry
 * itself rather than from a meter binder.
 *
 * <p>Why: Quarkus Operator SDK 7.4's default producer returns whatever its {@code MeterBinder} holds when the
 * operator's configuration is created, and that is its no-op placeholder if the registry has not bound its binders
 * yet; the operator then counts nothing for the life of the process. A fresh-clone CI run caught it: two test
 * starts in a row exported no {@code operator_sdk_*} series at all. Injecting the registry orders the two.
 */
@Singleton
public class OperatorSdkMetrics {

    /** The SDK's per-resource Micrometer metrics; replaces the extension's default bean. */
    @Produces
    @Singleton
    Metrics metrics(MeterRegistry registry) {
        return MicrometerMetrics.newPerResourceCollectingMicrometerMetricsBuilder(registry).build();
    }
}
