package dev.homeostat.apps.tradesignals.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** The fast timestamp parser agrees with {@link Instant#parse} and rejects what it rejects. */
class IsoInstantsTest {

    @Test
    void agreesWithInstantParseOnRandomInstantsOfEveryPrecision() {
        // given
        SplittableRandom random = new SplittableRandom(11);
        for (int i = 0; i < 20_000; i++) {
            Instant instant = Instant.ofEpochSecond(random.nextLong(0, 4_102_444_800L), random.nextInt(1_000_000_000));
            Instant truncated = switch (i % 4) {
                case 0 -> instant.truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
                case 1 -> instant.truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
                case 2 -> instant.truncatedTo(java.time.temporal.ChronoUnit.MICROS);
                default -> instant;
            };
            String text = truncated.toString();
            // when / then
            assertEquals(Instant.parse(text), IsoInstants.parse(text), text);
        }
    }

    @Test
    void fallsBackForOtherFormsAndRejectsGarbage() {
        assertEquals(Instant.parse("2026-01-02T14:30:00+01:00"), IsoInstants.parse("2026-01-02T14:30:00+01:00"));
        assertThrows(DateTimeParseException.class, () -> IsoInstants.parse("2026-13-02T14:30:00Z"));
        assertThrows(DateTimeParseException.class, () -> IsoInstants.parse("2026-01-02T14:3x:00Z"));
        assertThrows(DateTimeParseException.class, () -> IsoInstants.parse("yesterday"));
    }
}
