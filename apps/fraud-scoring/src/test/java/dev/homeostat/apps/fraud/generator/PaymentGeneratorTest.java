package dev.homeostat.apps.fraud.generator;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The synthetic payment stream: reproducible, ordered, labelled truthfully. */
class PaymentGeneratorTest {

    private static final Instant START = Instant.parse("2026-01-05T00:00:00Z");

    @Test
    void theSameSeedGivesTheSameStream() {
        // when
        List<GeneratedPayment> first = new PaymentGenerator(PaymentGenerator.Options.defaults(11, START)).next(2_000);
        List<GeneratedPayment> second = new PaymentGenerator(PaymentGenerator.Options.defaults(11, START)).next(2_000);
        List<GeneratedPayment> other = new PaymentGenerator(PaymentGenerator.Options.defaults(12, START)).next(2_000);
        // then
        assertEquals(first, second);
        assertNotEquals(first, other);
    }

    @Test
    void paymentsComeInTimeOrderWithUniqueIdsAndTruthfulLabels() {
        // when
        List<GeneratedPayment> stream = new PaymentGenerator(PaymentGenerator.Options.defaults(4, START)).next(20_000);
        // then
        Set<String> ids = new HashSet<>();
        Map<FraudPattern, Integer> byPattern = new EnumMap<>(FraudPattern.class);
        for (int i = 0; i < stream.size(); i++) {
            GeneratedPayment g = stream.get(i);
            assertTrue(ids.add(g.payment().id()), "duplicate id " + g.payment().id());
            assertEquals(g.fraud(), g.payment().label());
            byPattern.merge(g.pattern(), 1, Integer::sum);
            if (i > 0) {
                assertFalse(g.payment().timestamp().isBefore(stream.get(i - 1).payment().timestamp()));
            }
        }
        assertEquals(FraudPattern.values().length, byPattern.size(), "every pattern appears: " + byPattern);
        double fraudShare = 1 - byPattern.get(FraudPattern.NONE) / (double) stream.size();
        assertTrue(fraudShare > 0.005 && fraudShare < 0.05, "fraud share " + fraudShare);
    }

    @Test
    void optionsNameTheBadValue() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> new PaymentGenerator.Options(1, 0, 20, 0.01, START));
        assertTrue(e.getMessage().contains("accounts=0"), e.getMessage());
    }
}
