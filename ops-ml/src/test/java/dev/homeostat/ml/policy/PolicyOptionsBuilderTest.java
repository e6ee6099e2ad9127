package dev.homeostat.ml.policy;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The builder of {@link ScalingPolicy.Options} sets fields by name and validates like the constructor. */
class PolicyOptionsBuilderTest {

    @Test
    void builderFromDefaultsChangesOnlyWhatItSets() {
        ScalingPolicy.Options d = ScalingPolicy.Options.defaults();
        ScalingPolicy.Options o = ScalingPolicy.Options.builder().horizon(Duration.ofSeconds(120))
                .targetUtilization(0.6).build();
        assertEquals(Duration.ofSeconds(120), o.horizon());
        assertEquals(0.6, o.targetUtilization());
        assertEquals(d.withHorizon(Duration.ofSeconds(120)).withTargetUtilization(0.6), o);
        assertEquals(d, d.toBuilder().build());
    }

    @Test
    void builderRejectsWhatTheConstructorRejects() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ScalingPolicy.Options.builder().targetUtilization(1.5).build());
        assertTrue(e.getMessage().contains("targetUtilization"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> ScalingPolicy.Options.builder().mode(Mode.REACTIVE).shadow(true).build());
    }
}
