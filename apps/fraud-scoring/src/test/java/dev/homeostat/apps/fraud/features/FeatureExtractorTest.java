package dev.homeostat.apps.fraud.features;

import dev.homeostat.apps.fraud.TestPayments;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Features come from the account's past only, with bounded memory. */
class FeatureExtractorTest {

    private static double feature(double[] x, String name) {
        return x[FeatureExtractor.NAMES.indexOf(name)];
    }

    @Test
    void aFirstPaymentSeesNoHistory() {
        // given
        FeatureExtractor extractor = new FeatureExtractor(10);
        // when
        double[] x = extractor.extractAndRecord(TestPayments.payment("p1", "a", 20, "CH", "grocery", 0));
        // then
        assertEquals(FeatureExtractor.NAMES.size(), x.length);
        assertEquals(0, feature(x, "history_size"));
        assertEquals(0, feature(x, "payments_last_minute"));
        assertEquals(1.0, feature(x, "amount_ratio"));
        assertEquals(0, feature(x, "new_country"));
    }

    @Test
    void featuresUseOnlyEarlierPayments() {
        // given two payments of one account, then a third abroad, ten times larger, in a risky category
        FeatureExtractor extractor = new FeatureExtractor(10);
        extractor.extractAndRecord(TestPayments.payment("p1", "a", 20, "CH", "grocery", 0));
        extractor.extractAndRecord(TestPayments.payment("p2", "a", 20, "CH", "grocery", 10));
        // when
        double[] x = extractor.extractAndRecord(TestPayments.payment("p3", "a", 200, "BR", "jewelry", 20));
        // then
        assertEquals(2, feature(x, "history_size"));
        assertEquals(2, feature(x, "payments_last_minute"));
        assertEquals(10.0, feature(x, "amount_ratio"), 1e-9);
        assertEquals(1, feature(x, "foreign_country"));
        assertEquals(1, feature(x, "new_country"));
        assertEquals(0, feature(x, "category_share"));
        assertEquals(1, feature(x, "high_risk_category"));
        assertEquals(10, feature(x, "seconds_since_previous"));
        assertEquals(2.0, feature(x, "amount_last_10min_ratio"), 1e-9);
    }

    @Test
    void countsSmallProbesInTheLastTenMinutes() {
        // given four small payments, the last 110 s before the next one
        FeatureExtractor extractor = new FeatureExtractor(10);
        for (int i = 0; i < 4; i++) {
            extractor.extractAndRecord(TestPayments.payment("p" + i, "a", 1.5, "CH", "digital-goods", i * 30L));
        }
        // when
        double[] x = extractor.extractAndRecord(TestPayments.payment("p9", "a", 2.0, "CH", "digital-goods", 200));
        // then
        assertEquals(4, feature(x, "small_payments_last_10min"));
        assertEquals(0, feature(x, "payments_last_minute"));
    }

    @Test
    void accountsAreIndependentAndBounded() {
        // given an extractor that remembers two accounts
        FeatureExtractor extractor = new FeatureExtractor(2);
        extractor.extractAndRecord(TestPayments.payment("p1", "a", 20, "CH", "grocery", 0));
        extractor.extractAndRecord(TestPayments.payment("p2", "b", 20, "CH", "grocery", 1));
        extractor.extractAndRecord(TestPayments.payment("p3", "c", 20, "CH", "grocery", 2));
        // when "a", the least recently active, comes back
        double[] x = extractor.extractAndRecord(TestPayments.payment("p4", "a", 20, "CH", "grocery", 3));
        // then it was forgotten and starts afresh
        assertEquals(2, extractor.accounts());
        assertEquals(0, feature(x, "history_size"));
    }

    @Test
    void rejectsANonPositiveCapacity() {
        var e = assertThrows(IllegalArgumentException.class, () -> new FeatureExtractor(0));
        assertTrue(e.getMessage().contains("got 0"));
    }
}
