package dev.homeostat.ml.telemetry;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Samples keep NaN as "not measured" and reject impossible values. */
class SampleTest {

    @Test
    void fieldsNotSetStayNotMeasured() {
        // given / when
        Sample s = Sample.at(1_000).arrivalRate(120).busyFraction(0.5).build();

        // then
        assertEquals(120, s.get(Metric.ARRIVAL_RATE));
        assertEquals(0.5, Metric.BUSY_FRACTION.of(s));
        assertTrue(Double.isNaN(s.lagRecords()));
        assertFalse(Sample.measured(s.processedRate()));
    }

    @Test
    void negativeInfiniteAndOverBusyValuesAreRejectedWithTheirNameAndValue() {
        // given a builder
        // when / then
        IllegalArgumentException negative = assertThrows(IllegalArgumentException.class,
                () -> Sample.at(0).lagRecords(-3).build());
        assertTrue(negative.getMessage().contains("lagRecords") && negative.getMessage().contains("-3"));
        IllegalArgumentException infinite = assertThrows(IllegalArgumentException.class,
                () -> Sample.at(0).cpu(Double.POSITIVE_INFINITY).build());
        assertTrue(infinite.getMessage().contains("cpu"));
        IllegalArgumentException busy = assertThrows(IllegalArgumentException.class,
                () -> Sample.at(0).busyFraction(1.5).build());
        assertTrue(busy.getMessage().contains("1.5"));
    }
}
