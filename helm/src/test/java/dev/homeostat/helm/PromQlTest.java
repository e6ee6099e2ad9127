package dev.homeostat.helm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** The metric-name extraction the dashboard check relies on. */
class PromQlTest {

    @Test
    void findsMetricsAndSkipsFunctionsLabelsStringsRangesAndVariables() {
        assertEquals(Set.of("a_bucket"), PromQl.metricNames(
                "histogram_quantile(0.95, sum by (le, controller) (rate(a_bucket{job=~\"x.*\", le!=\"b_total\"}[$__rate_interval])))"));
        assertEquals(Set.of("x", "y"), PromQl.metricNames("count(max by (app) (x{app=~\"$app\"}) > 0.8) or vector(0) + on(app) group_left y"));
        assertEquals(Set.of("homeostat_desired_replicas"),
                PromQl.metricNames("label_values(homeostat_desired_replicas{app_namespace=~\"$namespace\"}, app)"));
        assertEquals(Set.of("m"), PromQl.metricNames("sum without (pod) (m offset 5m) * 100"));
    }
}
