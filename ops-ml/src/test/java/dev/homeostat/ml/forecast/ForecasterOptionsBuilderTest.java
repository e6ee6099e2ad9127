package dev.homeostat.ml.forecast;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The builder of {@link SeasonalForecaster.Options} sets fields by name and validates like the constructor. */
class ForecasterOptionsBuilderTest {

    @Test
    void builderMatchesTheWithers() {
        SeasonalForecaster.Options d = SeasonalForecaster.Options.defaults();
        SeasonalForecaster.Options o = SeasonalForecaster.Options.builder().horizon(Duration.ofMinutes(5))
                .seasons(List.of(Duration.ofDays(1))).coverage(0.8).build();
        assertEquals(d.withHorizon(Duration.ofMinutes(5)).withSeasons(Duration.ofDays(1)).withCoverage(0.8), o);
        assertEquals(d, d.toBuilder().build());
    }

    @Test
    void builderRejectsWhatTheConstructorRejects() {
        assertThrows(IllegalArgumentException.class,
                () -> SeasonalForecaster.Options.builder().coverage(0.999).build());
        assertThrows(IllegalArgumentException.class,
                () -> SeasonalForecaster.Options.builder().step(Duration.ofMinutes(20)).build());
    }
}
